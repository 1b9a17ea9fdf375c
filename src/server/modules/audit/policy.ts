import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const auditCapabilities = defineCapabilities({
  'audit:view': {
    roles: ['domain_admin', 'observer'],
    description: 'Consulter le journal d’activité du domaine',
  },
});
