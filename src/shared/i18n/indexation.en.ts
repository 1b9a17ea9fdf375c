import type { Shape } from './namespaces.ts';

/** English strings of the indexation's vocabulary (publics, collections, origins), shown by the catalogue and the course's pages. */
export const indexation: Shape<'indexation'> = {
  ui: {
    lifecycle: {
      collections: {
        autoformation: 'Self-training',
        formation: 'Trainer-led training',
        action: 'Action training',
        espace_collaboratif: 'Collaborative space',
        reseau: 'Network',
        webinaire: 'Webinar',
      },
      publics: {
        enseignants_1d: 'Primary teachers',
        enseignants_2d: 'Secondary teachers',
        enseignants_lp: 'Vocational school teachers',
        cpe: 'Education advisers',
        psyen: 'School psychologists',
        aesh: 'Teaching assistants for disabled pupils',
        encadrement: 'School heads',
        inspection: 'Inspectors',
        formateurs: 'Trainers',
        administratifs: 'Administrative staff',
        sante_social: 'Health and social staff',
        tous: 'All staff',
      },
      origins: {
        national: 'National',
        academie: 'Académie',
        mutualise: 'Shared',
      },
    },
  },
};
