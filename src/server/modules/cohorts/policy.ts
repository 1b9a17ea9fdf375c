import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const cohortCapabilities = defineCapabilities({
  'cohort:manage': {
    roles: ['domain_admin', 'manager'],
    description: 'Créer les cohortes d’un domaine et en choisir les membres',
  },
});
