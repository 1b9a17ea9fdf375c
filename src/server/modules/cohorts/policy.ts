import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const cohortCapabilities = defineCapabilities({
  'cohort:manage': {
    roles: ['domain_admin', 'manager'],
    description: 'Créer les cohortes d’un domaine et en choisir les membres',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof cohortCapabilities, true> {}
}
