import { defineCapabilities } from '../../platform/access/capabilities.ts';

export const courseCapabilities = defineCapabilities({
  'course:create': {
    roles: ['designer', 'domain_admin'],
    description: 'Créer des parcours dans le domaine',
  },
  'course:view': {
    roles: ['participant', 'trainer', 'tutor', 'designer', 'domain_admin', 'manager', 'observer'],
    description: 'Consulter un parcours',
  },
  // Whom of a domain's people a course is for, by its stage, when their role was given for the whole
  // domain (or platform) rather than in the course itself: see visibility.ts.
  'course:viewdrafts': {
    roles: ['designer', 'trainer', 'tutor', 'domain_admin', 'manager'],
    description: 'Voir les gabarits, les parcours en construction et la corbeille du domaine',
  },
  'course:viewsessions': {
    roles: ['trainer', 'tutor', 'designer', 'domain_admin', 'manager', 'observer'],
    description: 'Voir les sessions du domaine sans y être inscrit',
  },
  'course:viewhidden': {
    roles: ['trainer', 'tutor', 'designer', 'domain_admin', 'manager'],
    description: 'Voir les sections et activités masquées ou pas encore disponibles',
  },
  'course:duplicate': {
    roles: ['designer', 'domain_admin'],
    description: 'Dupliquer un parcours (copie complète : sections, activités, fichiers)',
  },
  'course:update': {
    roles: ['designer', 'domain_admin'],
    description: 'Modifier le contenu d’un parcours : sections, activités, réglages',
  },
});

declare module '../../platform/access/capabilities.ts' {
  interface CapabilityNames extends Record<keyof typeof courseCapabilities, true> {}
}
