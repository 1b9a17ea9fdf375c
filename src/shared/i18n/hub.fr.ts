/** French strings of the designers' network (hub) and deployment. */
export const hub = {
  hub: {
    title: 'Réseau des concepteurs',
    intro:
      'Trouvez les parcours publiés par les autres domaines et déployez-les dans le vôtre. La copie garde le lien avec son origine\u00a0: quand une nouvelle version est publiée, vous la voyez et pouvez mettre votre copie à jour.',
    search: {
      label: 'Rechercher un parcours',
    },
    results_one: '{{count}} parcours publié',
    results_other: '{{count}} parcours publiés',
    resultsFor_one: '{{count}} parcours pour «\u00a0{{q}}\u00a0»',
    resultsFor_other: '{{count}} parcours pour «\u00a0{{q}}\u00a0»',
    empty: 'Aucun parcours ne correspond à cette recherche.',
    emptyHint: 'Essayez un autre mot ou effacez la recherche pour voir toute l’offre de parcours.',
    noOffer: 'Aucun parcours n’est encore publié dans l’offre de parcours.',
    card: {
      origin: 'Conçu par {{domain}}',
      version: 'Version {{version}}',
      noVersion: 'Sans version',
      duration: 'Durée\u00a0: {{duration}}',
      deployments_zero: 'Jamais déployé',
      deployments_one: 'Déployé {{count}} fois',
      deployments_other: 'Déployé {{count}} fois',
      sessions_zero: 'aucune session',
      sessions_one: '{{count}} session',
      sessions_other: '{{count}} sessions',
      deploy: 'Déployer dans mon domaine',
      deployTitle: 'Déployer «\u00a0{{title}}\u00a0» dans mon domaine',
      ownDomain: 'Parcours de votre domaine',
      deployed: 'Déjà déployé dans votre domaine',
      deployedIn: 'Déjà déployé dans {{domain}}',
      openCopy: 'Ouvrir ma copie',
      openCopyTitle: 'Ouvrir ma copie «\u00a0{{title}}\u00a0» ({{domain}})',
      copyVersion: 'Votre copie\u00a0: version {{version}}',
      update: 'Mettre à jour',
      updateTitle: 'Mettre à jour ma copie «\u00a0{{title}}\u00a0» vers la version {{version}}',
    },
    deploy: {
      title: 'Déployer un parcours',
      intro:
        'Une copie de «\u00a0{{title}}\u00a0» (version {{version}}) sera créée dans le domaine choisi, en construction. Vous pourrez l’adapter\u00a0; elle vous proposera les nouvelles versions de son origine.',
      domain: 'Domaine de la copie',
      domainHint: 'Les domaines où vous pouvez créer des parcours.',
      copyTitle: 'Titre de la copie',
      submit: 'Déployer',
      noDomain:
        'Vous ne pouvez créer de parcours dans aucun autre domaine que celui de ce parcours\u00a0: il n’y a nulle part où le déployer.',
      done: 'Le parcours «\u00a0{{title}}\u00a0» est déployé dans votre domaine (version {{version}}).',
    },
    deployment: {
      origin: 'Déployé depuis «\u00a0{{title}}\u00a0» ({{domain}}), version {{version}}.',
      originLink: 'Voir la présentation du parcours d’origine',
      upToDate: 'Votre copie est à jour.',
      withdrawn:
        'Le parcours d’origine a été retiré de l’offre\u00a0: votre copie ne recevra plus de nouvelle version.',
      newTitle: 'Nouvelle version {{version}} disponible',
      newIntro_one: 'Le parcours d’origine a publié une nouvelle version depuis la vôtre\u00a0:',
      newIntro_other: 'Le parcours d’origine a publié {{count}} nouvelles versions depuis la vôtre\u00a0:',
      versionHeading: 'Version {{version}} — publiée le {{date}}',
      noNotes: 'Pas de note de version.',
      update: 'Mettre à jour ma copie',
      confirmTitle: 'Mettre à jour ma copie',
      confirmText:
        'Les sections et activités de votre copie seront remplacées par celles de la version {{version}} du parcours d’origine. Les modifications faites dans votre copie seront perdues. Le titre, le domaine, l’indexation et les inscriptions sont conservés.',
      confirm: 'Remplacer le contenu',
      updated: 'Votre copie est passée à la version {{version}}.',
    },
    errors: {
      withdrawn: 'Ce parcours a été retiré de l’offre de parcours.',
      noVersion: 'Ce parcours n’a pas de version publiée.',
      sameDomain: 'Ce parcours est déjà dans ce domaine\u00a0: choisissez un autre domaine, ou dupliquez-le.',
      notDeployed: 'Ce parcours n’a pas été déployé depuis l’offre de parcours.',
      upToDate: 'Votre copie a déjà la dernière version publiée.',
      alreadyDeployed:
        'Ce parcours est déjà déployé dans ce domaine\u00a0: ouvrez votre copie, et mettez-la à jour quand une nouvelle version paraît.',
    },
  },
} as const;
