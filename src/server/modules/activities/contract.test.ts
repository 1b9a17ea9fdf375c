import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { capabilityRoles } from '../../platform/access/capabilities.ts';
import { defineActivity } from './contract.ts';

describe('defineActivity', () => {
  it('registers a kind’s capabilities with the platform’s, named after the kind', () => {
    const kind = defineActivity({
      kind: 'contract-probe',
      family: 'activity',
      settings: z.object({}),
      capabilities: {
        'contract-probe:answer': { level: 'activity', roles: ['participant'], description: 'Répondre' },
      },
    });
    expect(kind.caps['contract-probe:answer']).toBe('contract-probe:answer');
    expect(capabilityRoles(kind.caps['contract-probe:answer'])).toEqual(['participant']);
    expect(() =>
      defineActivity({
        kind: 'contract-probe-2',
        family: 'activity',
        settings: z.object({}),
        capabilities: { 'quiz:answer': { level: 'activity', roles: ['participant'], description: 'x' } },
      }),
    ).toThrow(/must be named contract-probe-2:/);
  });

  it('refuses a kind that archives data it could not read back', () => {
    expect(() =>
      defineActivity({
        kind: 'contract-probe-3',
        family: 'activity',
        settings: z.object({}),
        exportData: async () => ({ data: {} }),
      }),
    ).toThrow(/exportData, dataSchema and importData come together/);
  });
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<'contract-probe:answer', true> {}
}
