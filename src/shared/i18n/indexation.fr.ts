/** French strings of the indexation's vocabulary (publics, collections, origins), shown by the catalogue and the course's pages. */
export const indexation = {
  ui: {
    lifecycle: {
      collections: {
        autoformation: 'Autoformation',
        formation: 'Formation accompagnée',
        action: 'Formation-action',
        espace_collaboratif: 'Espace collaboratif',
        reseau: 'Réseau',
        webinaire: 'Webinaire',
      },
      publics: {
        enseignants_1d: 'Enseignants du premier degré',
        enseignants_2d: 'Enseignants du second degré',
        enseignants_lp: 'Enseignants de lycée professionnel',
        cpe: 'Conseillers principaux d’éducation',
        psyen: 'Psychologues de l’Éducation nationale',
        aesh: 'AESH',
        encadrement: 'Personnels de direction',
        inspection: 'Personnels d’inspection',
        formateurs: 'Formateurs',
        administratifs: 'Personnels administratifs',
        sante_social: 'Personnels sociaux et de santé',
        tous: 'Tous les personnels',
      },
      origins: {
        national: 'Nationale',
        academie: 'Académique',
        mutualise: 'Mutualisée',
      },
    },
  },
} as const;
