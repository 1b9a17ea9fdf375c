/** French strings of one's personal data (export, erasure requests) and their review by administrators. */
export const privacy = {
  ui: {
    privacy: {
      title: 'Mes données personnelles',
      intro:
        'Vous pouvez télécharger les données que Magistère conserve sur vous et demander la suppression de votre compte.',
      export: {
        title: 'Télécharger mes données',
        text: 'Un fichier JSON rassemble votre compte, vos rôles, vos inscriptions, votre progression, vos visites, vos travaux dans les activités et l’historique de vos connexions. Il ne contient ni votre mot de passe ni vos jetons de connexion.',
        download: 'Télécharger mes données',
        downloadDetail: 'JSON',
        notice:
          'Données personnelles que Magistère conserve à votre sujet, au moment de l’export. Les dates sont en temps universel (UTC).',
      },
      erasure: {
        title: 'Supprimer mon compte',
        text: 'Un administrateur de votre domaine examine votre demande. Une fois qu’il l’a acceptée, votre compte est anonymisé, vos données sont effacées et vous ne pouvez plus vous connecter. Cette suppression est définitive.',
        request: 'Demander la suppression de mon compte',
        modalTitle: 'Demander la suppression de mon compte',
        modalIntro:
          'Si votre demande est acceptée, votre nom, votre adresse électronique, vos inscriptions, votre progression et vos travaux seront effacés, et vous ne pourrez plus vous connecter. Pensez à télécharger vos données avant.',
        reason: 'Motif de la demande',
        reasonHint:
          'Par exemple\u00a0: je quitte l’Éducation nationale. L’administrateur qui examine la demande le lira.',
        confirmed: 'Je comprends que la suppression de mon compte est définitive.',
        confirmation: 'Confirmation',
        confirmRequired: 'Cochez cette case pour confirmer votre demande.',
        submit: 'Envoyer la demande',
        sent: 'Votre demande de suppression a été envoyée aux administrateurs de votre domaine.',
        pendingTitle: 'Demande de suppression en cours d’examen',
        pending:
          'Vous avez demandé la suppression de votre compte le {{date}}. Un administrateur de votre domaine va l’examiner.',
        withdraw: 'Retirer ma demande',
        withdrawTitle: 'Retirer ma demande de suppression',
        withdrawText: 'Votre compte sera conservé. Vous pourrez refaire une demande plus tard.',
        withdrawn: 'Votre demande de suppression a été retirée.',
        refusedTitle: 'Demande de suppression refusée',
        refused: 'Votre demande du {{date}} a été refusée le {{decidedAt}}. Motif\u00a0: {{reason}}',
      },
      admin: {
        title: 'Demandes de suppression de compte',
        intro:
          'Les personnes de vos domaines qui demandent la suppression de leur compte. Accepter efface leurs données et anonymise leur compte, définitivement\u00a0; refuser leur indique votre motif.',
        filtersLegend: 'Filtrer les demandes',
        status: 'État',
        allStatuses: 'Toutes les demandes',
        filter: 'Filtrer',
        caption: 'Demandes de suppression de compte',
        colPerson: 'Personne',
        colDomain: 'Domaine',
        colRequestedAt: 'Demandée le',
        colReason: 'Motif',
        colStatus: 'État',
        statuses: {
          pending: 'En attente',
          approved: 'Acceptée',
          refused: 'Refusée',
          cancelled: 'Retirée',
        },
        decided: '{{status}} le {{date}}',
        decidedBy: '{{status}} le {{date}} par {{name}}',
        reasonErased: 'Effacé avec le compte',
        approve: 'Accepter',
        approveLabel: 'Accepter la demande de {{name}}',
        approveTitle: 'Supprimer le compte de {{name}}',
        approveText:
          'Le compte de {{name}} ({{email}}) sera anonymisé et ses données effacées\u00a0: inscriptions, rôles, groupes, progression, travaux dans les activités. La personne ne pourra plus se connecter. Cette action est définitive.',
        approveConfirm: 'Supprimer le compte',
        approved: 'Le compte de {{name}} a été supprimé et ses données effacées.',
        refuse: 'Refuser',
        refuseLabel: 'Refuser la demande de {{name}}',
        refuseTitle: 'Refuser la demande de {{name}}',
        refuseIntro:
          'La personne lira votre motif sur sa page «\u00a0Mon profil\u00a0» et pourra refaire une demande.',
        refuseReason: 'Motif du refus',
        refuseSubmit: 'Refuser la demande',
        refused: 'La demande de {{name}} a été refusée.',
        empty: 'Aucune demande ne correspond à ce filtre.',
        emptyNext:
          'Les demandes que les personnes de vos domaines envoient depuis leur profil apparaissent ici.',
      },
      errors: {
        alreadyRequested: 'Vous avez déjà une demande de suppression en attente.',
        nonePending: 'Vous n’avez pas de demande de suppression en attente.',
        ownRequest:
          'Vous ne pouvez pas décider de votre propre demande de suppression\u00a0: un autre administrateur doit l’examiner.',
        alreadyDecided: 'Cette demande a déjà été traitée.',
        adminAccount:
          'Seul un administrateur de la plateforme peut décider de la suppression du compte d’un administrateur.',
      },
    },
  },
} as const;
