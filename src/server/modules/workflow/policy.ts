import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const workflowCapabilities = defineCapabilities({
  'course:template': {
    roles: ['designer', 'domain_admin'],
    description: 'Faire d’un parcours un gabarit, ou d’un gabarit un parcours',
  },
  'course:delete': {
    roles: ['designer', 'domain_admin', 'manager'],
    description: 'Mettre un parcours ou une session à la corbeille, l’en sortir',
  },
  'session:create': {
    roles: ['designer', 'domain_admin', 'manager'],
    description: 'Créer une session à partir d’un parcours',
  },
  'session:manage': {
    roles: ['trainer', 'designer', 'domain_admin', 'manager'],
    description: 'Régler, ouvrir, annoncer, archiver une session',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof workflowCapabilities, true> {}
}
