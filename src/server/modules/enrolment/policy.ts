import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const enrolmentCapabilities = defineCapabilities({
  'enrolment:view': {
    roles: ['trainer', 'tutor', 'designer', 'manager', 'domain_admin', 'observer'],
    description: 'Voir les inscrits d’un parcours ou d’une session, et leurs groupes',
  },
  'enrolment:manage': {
    roles: ['trainer', 'designer', 'manager', 'domain_admin'],
    description: 'Inscrire et désinscrire des personnes dans un parcours ou une session',
  },
  'group:manage': {
    roles: ['trainer', 'designer', 'manager', 'domain_admin'],
    description: 'Créer les groupes et groupements d’un parcours et en choisir les membres',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof enrolmentCapabilities, true> {}
}
