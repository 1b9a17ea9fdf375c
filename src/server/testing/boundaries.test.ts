import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBoundaries } from '../../../scripts/boundaries.ts';

describe('module boundaries (the rule CI runs through npm run lint)', () => {
  it('reports a table read across modules, a platform file using a module and a two-way pair', async () => {
    const found = await checkBoundaries(path.join(import.meta.dirname, 'fixtures/boundaries'));
    const seen = found.map((f) => `${f.rule}: ${f.from} → ${f.to}`).sort();
    expect(seen).toEqual([
      'module-cycle: src/server/modules/a/ → src/server/modules/b/',
      'module-cycle: src/server/modules/b/ → src/server/modules/a/',
      'module-internals: src/server/modules/a/service.ts → src/server/modules/b/schema.ts',
      'platform-knows-no-module: src/server/platform/uses-module.ts → src/server/modules/a/index.ts',
    ]);
  });
});
