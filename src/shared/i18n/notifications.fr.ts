/** French strings of notifications: the list, the preferences, the types' texts and their mails. */
export const notifications = {
  ui: {
    notifications: {
      page: {
        title: 'Mes notifications',
        intro: 'Ce que la plateforme vous a signalé, du plus récent au plus ancien.',
        empty: 'Vous n’avez aucune notification.',
        emptyUnread: 'Vous n’avez aucune notification non lue.',
        filterAll: 'Toutes',
        filterUnread: 'Non lues',
        filterLegend: 'Afficher',
        more: 'Afficher les notifications plus anciennes',
        markRead: 'Marquer comme lue',
        markReadOf: 'Marquer comme lue\u00a0: {{title}}',
        unreadBadge: 'Non lue',
        preferencesLink: 'Choisir comment être prévenu(e)',
      },
      preferences: {
        title: 'Mes notifications\u00a0: préférences',
        intro:
          'Pour chaque type d’événement, choisissez comment en être prévenu(e)\u00a0: dans la cloche de Magistère seulement, aussi par courriel aussitôt, par un courriel récapitulatif quotidien (vers 7\u00a0h), ou pas du tout.',
        legend: '{{label}}',
        byDefault: '(par défaut)',
        save: 'Enregistrer mes préférences',
        saved: 'Vos préférences ont été enregistrées.',
        channels: {
          app: 'Dans Magistère seulement',
          email: 'Dans Magistère et par courriel aussitôt',
          digest: 'Dans Magistère et dans le récapitulatif quotidien',
          off: 'Ne pas me prévenir',
        },
      },
    },
  },
  notifications: {
    errors: {
      badCursor: 'La page demandée n’existe pas.',
      unknownType: 'Ce type de notification n’existe pas.',
      badChannel: 'Choisissez une manière d’être prévenu(e) parmi celles proposées.',
    },
    mail: {
      single: 'Bonjour {{name}},\n\n{{title}}\n\n{{link}}\n\n{{signature}}',
      digestSubject_one: 'Magistère\u00a0: {{count}} nouvelle notification',
      digestSubject_other: 'Magistère\u00a0: {{count}} nouvelles notifications',
      digest:
        'Bonjour {{name}},\n\nVoici ce qui s’est passé pour vous sur Magistère depuis le dernier récapitulatif\u00a0:\n\n{{list}}\n\nPour choisir comment être prévenu(e)\u00a0: {{preferences}}\n\n{{signature}}',
    },
    types: {
      enrolment: {
        label: 'Inscription à une session',
        title: 'Vous êtes inscrit(e) à la session «\u00a0{{title}}\u00a0»',
      },
      announce: {
        label: 'Annonce d’une session par ses formateurs',
        title: 'Annonce de la session «\u00a0{{title}}\u00a0»\u00a0: {{subject}}',
      },
      offerAlert: {
        label: 'Nouvelles offres de formation de mes alertes (« Prévenez-moi », chaque lundi)',
        title_one: '{{count}} nouvelle offre de formation correspond à vos alertes',
        title_other: '{{count}} nouvelles offres de formation correspondent à vos alertes',
      },
      reminder: {
        label: 'Relance d’un parcours',
        title: 'Relance pour le parcours «\u00a0{{title}}\u00a0»\u00a0: {{subject}}',
      },
    },
  },
} as const;
