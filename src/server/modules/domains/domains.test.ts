import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contexts } from '../../platform/access/schema.ts';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { domains } from './schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const count = async (table: typeof domains | typeof contexts) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe('domains', () => {
  it('lists every domain to the admin and only their own domains to others, home first', async () => {
    const admin = (await (await t.as('admin@magistere.test')).get('/api/domains')).json();
    expect(admin.map((d: { slug: string }) => d.slug).sort()).toEqual([
      'ac-aix-marseille',
      'ac-bordeaux',
      'dgesco',
      'educagri',
    ]);
    expect(admin[0].slug).toBe('dgesco');
    const participant = (await (await t.as('participant@magistere.test')).get('/api/domains')).json();
    expect(participant.map((d: { slug: string }) => d.slug)).toEqual(['ac-aix-marseille']);
  });

  it('creates a domain with its access context, and refuses a taken or malformed identifier', async () => {
    const admin = await t.as('admin@magistere.test');
    const created = await admin.post('/api/domains', {
      slug: 'ac-nantes',
      name: 'Académie de Nantes',
      kind: 'academie',
    });
    expect(created.statusCode).toBe(201);
    const [domainCount, contextCount] = [await count(domains), await count(contexts)];
    const taken = problemOf(
      await admin.post('/api/domains', { slug: 'ac-nantes', name: 'Doublon', kind: 'academie' }),
    );
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('slug_taken');
    const malformed = problemOf(
      await admin.post('/api/domains', { slug: 'Ac Nantes!', name: 'N', kind: 'pays' }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.path).sort()).toEqual(['kind', 'name', 'slug']);
    expect([await count(domains), await count(contexts)]).toEqual([domainCount, contextCount]);
    const renamed = await admin.patch(`/api/domains/${created.json().id}`, {
      name: 'Académie de Nantes (Pays de la Loire)',
    });
    expect(renamed.json().name).toBe('Académie de Nantes (Pays de la Loire)');
  });
});
