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
