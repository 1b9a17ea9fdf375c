/** French strings of the frame of every page (header, menus, footer, errors of loading) and the shared components of `src/web/components`; always loaded. */
export const common = {
  ui: {
    app: {
      name: 'Magistère',
      tagline: 'Formation continue des personnels de l’Éducation nationale',
      brandTop: 'République\nFrançaise',
      homeLinkTitle: 'Accueil — Magistère',
      documentTitle: '{{title}} — Magistère',
    },
    common: {
      loading: 'Chargement en cours…',
      save: 'Enregistrer',
      saving: 'Enregistrement…',
      cancel: 'Annuler',
      close: 'Fermer',
      search: 'Rechercher',
      saved: 'Les modifications ont été enregistrées.',
      requiredHint: 'Sauf mention contraire, tous les champs sont obligatoires.',
      optional: '(facultatif)',
      errorSummaryTitle: 'Le formulaire contient des erreurs',
      errorSummaryIntro: 'Corrigez les champs suivants\u00a0:',
      errorTitle: 'Une erreur s’est produite',
      networkError: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
      retry: 'Réessayer',
      none: '—',
      never: 'Jamais',
      resultCount_one: '{{count}} résultat',
      resultCount_other: '{{count}} résultats',
      allDomains: 'Tous les domaines',
      actions: 'Actions',
    },
    validation: {
      required: 'Ce champ est obligatoire.',
      email: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.',
      tooShort: 'Ce champ doit contenir au moins {{min}} caractères.',
      tooLong: 'Ce champ doit contenir au plus {{max}} caractères.',
      invalid: 'Ce champ n’est pas valide.',
      passwordsDiffer: 'Les deux mots de passe ne sont pas identiques.',
      slug: 'Utilisez uniquement des lettres minuscules sans accent, des chiffres et des tirets, par exemple «\u00a0aix-marseille\u00a0».',
    },
    staleVersion: {
      title: 'Modifié entre-temps',
      keep: 'Ce que vous avez saisi est conservé dans le formulaire. Chargez la dernière version, vérifiez, puis enregistrez à nouveau.',
      reload: 'Charger la dernière version',
      reloading: 'Chargement…',
      reloadedTitle: 'Dernière version chargée',
      reloaded:
        'Les champs que vous n’aviez pas modifiés montrent maintenant la dernière version\u00a0; vos saisies sont conservées. Vérifiez, puis enregistrez.',
      changed: 'Modifié par l’autre personne\u00a0: {{fields}}.',
      kept: 'Vous l’aviez modifié aussi, votre saisie est conservée\u00a0: {{fields}}.',
      unchanged: 'Aucun des champs de ce formulaire n’a été modifié par l’autre personne.',
    },
    skipLinks: {
      content: 'Contenu',
      menu: 'Menu',
      footer: 'Pied de page',
    },
    nav: {
      home: 'Mon espace',
      profile: 'Mon profil',
      trash: 'Corbeille',
      admin: 'Administration',
      users: 'Utilisateurs',
      domains: 'Domaines',
      audit: 'Journal d’activité',
      mail: 'Courriels envoyés',
      videoHosts: 'Hébergeurs de vidéos',
    },
    header: {
      domainSwitcher: 'Domaine de travail',
      userMenu: 'Mon compte',
      logout: 'Se déconnecter',
      login: 'Se connecter',
    },
    footer: {
      description:
        'Magistère est la plateforme de formation hybride des personnels de l’Éducation nationale\u00a0: parcours, sessions et accompagnement à distance.',
      personalData: 'Données personnelles',
      cookies: 'Gestion des cookies',
    },
    breadcrumb: {
      home: 'Mon espace',
    },
    roles: {
      admin: 'Administrateur',
      domain_admin: 'Administrateur local (référent)',
      manager: 'Gestionnaire',
      designer: 'Concepteur',
      trainer: 'Formateur',
      tutor: 'Tuteur',
      participant: 'Participant',
      observer: 'Observateur (pilote, inspecteur)',
    },
    contextLevels: {
      platform: 'Plateforme',
      domain: 'Domaine',
      course: 'Parcours',
      activity: 'Activité',
    },
    availability: {
      label: 'Disponible à partir du',
      clear: 'Effacer la date',
      from: 'Disponible à partir du {{date}} à {{time}}',
    },
    lifecycle: {
      nav: {
        label: 'Pages du parcours',
        content: 'Contenu',
        lifecycle: 'Cycle de vie',
        indexation: 'Indexation',
        participants: 'Participants',
        groups: 'Groupes',
        followup: 'Suivi',
        reminders: 'Relances',
        attendance: 'Attestation',
        completion: 'Achèvement',
        settings: 'Paramètres',
      },
    },
    activities: {
      upload: {
        failedAfterCreate:
          'L’activité «\u00a0{{title}}\u00a0» a été créée, mais l’envoi du fichier a échoué\u00a0: {{reason}} Déposez-le de nouveau ci-dessous.',
        pending: 'Envoi du fichier en cours…',
        tooLarge: 'Le fichier dépasse la taille maximale autorisée.',
      },
    },
    forbidden: {
      title: 'Accès refusé',
      text: 'Vous n’avez pas les droits nécessaires pour consulter cette page. Si vous pensez que c’est une erreur, contactez votre administrateur local.',
      back: 'Retour à Mon espace',
    },
    notFound: {
      title: 'Page non trouvée',
      text: 'La page que vous cherchez est introuvable. Vérifiez l’adresse, ou revenez à l’accueil.',
      back: 'Retour à l’accueil',
    },
    loadFailed: {
      title: 'La page n’a pas pu être chargée',
      text: 'Une nouvelle version de Magistère a peut-être été mise en ligne, ou la connexion a été interrompue. Rechargez la page pour continuer.',
      reload: 'Recharger la page',
    },
    cohorts: {
      nav: 'Cohortes',
    },
    privacy: {
      admin: {
        nav: 'Demandes de suppression',
      },
    },
  },
  hub: {
    nav: 'Réseau des concepteurs',
  },
  offers: {
    title: 'Offre de formation',
  },
  errors: {
    internal: 'Une erreur inattendue s’est produite. Réessayez plus tard.',
  },
  workflow: {
    stages: {
      template: 'Gabarit',
      construction: 'Parcours en construction',
      session_preparation: 'Session en préparation',
      session_running: 'Session en cours',
      session_archived: 'Session archivée',
      trash: 'Corbeille',
    },
  },
} as const;
