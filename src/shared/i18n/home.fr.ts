/** French strings of "Mon espace". */
export const home = {
  ui: {
    home: {
      title: 'Mon espace',
      greeting: 'Bonjour {{firstName}}',
      offerLink: 'Consulter l’offre de formation',
      courses: {
        title: 'Mes parcours',
        empty: 'Vous n’êtes inscrit à aucune session pour le moment.',
        next: 'Choisissez une formation dans l’offre et inscrivez-vous, ou demandez à votre formateur de vous inscrire\u00a0: la session apparaîtra ici.',
      },
      trainings: {
        title: 'Mes formations',
        empty: 'Vous n’animez ni ne tutorez aucune session pour le moment.',
        next: 'Les sessions dont vous êtes formateur ou tuteur apparaîtront ici dès que vous y serez inscrit.',
      },
      designs: {
        title: 'Mes conceptions',
        empty: 'Vous ne concevez aucun parcours pour le moment.',
        next: 'Les gabarits et parcours dont vous êtes concepteur apparaîtront ici.',
        nextCreate: 'Créez votre premier parcours\u00a0: il apparaîtra ici.',
      },
      others: {
        emptyTitle: 'Parcours et sessions de vos domaines',
        empty: 'Vos domaines n’ont encore aucun parcours ni aucune session.',
        next: 'Ils apparaîtront ici dès qu’un concepteur les aura créés ou déployés depuis le Réseau des concepteurs.',
        title: 'Autres parcours et sessions de vos domaines ({{count}})',
        intro: 'Ceux que vos rôles vous permettent d’ouvrir sans que vous y ayez un rôle vous-même.',
      },
      card: {
        start: 'Commencer',
        resume: 'Reprendre',
        review: 'Revoir',
        startLabel: 'Commencer «\u00a0{{course}}\u00a0»',
        resumeLabel: 'Reprendre «\u00a0{{course}}\u00a0»',
        reviewLabel: 'Revoir «\u00a0{{course}}\u00a0»',
        next: 'Prochaine activité\u00a0: {{title}}',
        allDone: 'Vous avez terminé toutes les activités.',
        notOpen: 'Vous pourrez l’ouvrir dès le début de la session.',
        dates: 'Du {{start}} au {{end}}',
        from: 'À partir du {{start}}',
        until: 'Jusqu’au {{end}}',
        followup: 'Suivi',
        followupLabel: 'Suivi de «\u00a0{{course}}\u00a0»',
        participants: 'Participants',
        participantsLabel: 'Participants de «\u00a0{{course}}\u00a0»',
        edit: 'Modifier',
        editLabel: 'Modifier «\u00a0{{course}}\u00a0»',
        lifecycle: 'Cycle de vie',
        lifecycleLabel: 'Cycle de vie de «\u00a0{{course}}\u00a0»',
      },
      roles: {
        title: 'Mes rôles',
        intro: 'Vos rôles déterminent ce que vous pouvez faire sur la plateforme.',
        empty:
          'Aucun rôle ne vous est attribué pour le moment. Contactez votre administrateur local si vous pensez que c’est une erreur.',
        item: '{{role}} — {{scope}}',
      },
    },
  },
} as const;
