/** French strings of enrolling oneself in a session. */
export const selfEnrolment = {
  ui: {
    selfEnrolment: {
      enrol: 'M’inscrire à cette session',
      enrolled: 'Vous êtes inscrit à cette session.',
      justEnrolled: 'Votre inscription est enregistrée. Bonne formation\u00a0!',
      seatsLeft_one: 'Il reste {{n}} place.',
      seatsLeft_other: 'Il reste {{n}} places.',
      unenrol: 'Me désinscrire',
      unenrolTitle: 'Vous désinscrire de cette session\u00a0?',
      unenrolText:
        'Vous n’aurez plus accès à la session. Ce que vous y avez fait est conservé si vous vous inscrivez à nouveau.',
      unenrolConfirm: 'Me désinscrire',
      unenrolled: 'Vous êtes désinscrit de cette session.',
      full: 'Cette session est complète.',
      doorIntro:
        'Cette session est ouverte à l’inscription. Inscrivez-vous pour accéder à ses contenus et suivre votre progression.',
    },
  },
} as const;
