/** French strings of cohorts. */
export const cohorts = {
  ui: {
    cohorts: {
      title: 'Cohortes',
      intro:
        'Une cohorte réunit des personnes de votre domaine (l’équipe d’un établissement, une promotion) pour les inscrire ensemble dans une session.',
      createTitle: 'Créer une cohorte',
      domain: 'Domaine',
      name: 'Nom de la cohorte',
      description: 'Description',
      create: 'Créer la cohorte',
      created: 'La cohorte «\u00a0{{name}}\u00a0» a été créée.',
      caption: 'Cohortes de vos domaines',
      colName: 'Nom',
      colDomain: 'Domaine',
      colMembers: 'Membres',
      colCreated: 'Créée le',
      empty: 'Aucune cohorte n’a encore été créée.',
      emptyNext: 'Créez une cohorte avec le formulaire ci-dessus.',
      back: 'Toutes les cohortes',
      editTitle: 'Nom et description',
      save: 'Enregistrer',
      saved: 'La cohorte a été modifiée.',
      membersTitle: 'Membres',
      membersCaption: 'Membres de la cohorte {{name}}',
      colEmail: 'Adresse électronique',
      colAdded: 'Ajouté le',
      noMembers: 'Cette cohorte n’a pas encore de membre.',
      remove: 'Retirer',
      removeLabel: 'Retirer {{name}} de la cohorte',
      removed: '{{name}} a été retiré de la cohorte.',
      addTitle: 'Ajouter des membres',
      addLabel: 'Adresses électroniques',
      addHint:
        'Séparez les adresses par des virgules, points-virgules, barres verticales ou retours à la ligne. Toutes doivent correspondre à un compte.',
      addSubmit: 'Ajouter à la cohorte',
      addedCount: '{{added}} personnes ajoutées ({{already}} déjà membres).',
      delete: 'Supprimer la cohorte',
      deleteTitle: 'Supprimer la cohorte «\u00a0{{name}}\u00a0»\u00a0?',
      deleteText:
        'Les personnes déjà inscrites dans des sessions grâce à cette cohorte le restent. Seule la cohorte disparaît.',
      deleteConfirm: 'Supprimer définitivement',
      deleted: 'La cohorte «\u00a0{{name}}\u00a0» a été supprimée.',
    },
  },
  errors: {
    cohorts: {
      nameTaken: 'Une cohorte porte déjà ce nom dans ce domaine.',
      nothingToAdd: 'Saisissez au moins une adresse électronique.',
      membersInvalid: 'Personne n’a été ajouté\u00a0: certaines adresses sont invalides ou inconnues.',
      invalidEmail:
        'Ligne {{line}}\u00a0: «\u00a0{{email}}\u00a0» n’est pas une adresse électronique valide.',
      unknownEmail: 'Ligne {{line}}\u00a0: aucun compte n’utilise l’adresse {{email}}.',
    },
  },
} as const;
