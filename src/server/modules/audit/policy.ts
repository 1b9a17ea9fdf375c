import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const auditCapabilities = defineCapabilities({
  'audit:view': {
    roles: ['domain_admin', 'observer'],
    description: 'Consulter le journal d’activité du domaine',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof auditCapabilities, true> {}
}
