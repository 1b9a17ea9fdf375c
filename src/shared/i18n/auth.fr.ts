/** French strings of signing in, the forgotten password and its reset. */
export const auth = {
  ui: {
    auth: {
      login: {
        title: 'Connexion',
        heading: 'Connexion à Magistère',
        intro: 'Connectez-vous avec l’adresse électronique et le mot de passe de votre compte Magistère.',
        email: 'Adresse électronique',
        emailHint: 'Format attendu\u00a0: nom@domaine.fr',
        password: 'Mot de passe',
        submit: 'Se connecter',
        submitting: 'Connexion…',
        forgot: 'Mot de passe oublié\u00a0?',
        sessionExpired: 'Connectez-vous pour accéder à cette page.',
        signedOut: 'Vous êtes déconnecté.',
        suspendedTitle: 'Compte suspendu',
        suspendedDomain: 'Domaine de votre compte\u00a0: {{domain}}.',
      },
      forgot: {
        title: 'Mot de passe oublié',
        intro:
          'Saisissez l’adresse électronique de votre compte. Vous recevrez un lien pour choisir un nouveau mot de passe.',
        submit: 'Recevoir un lien',
        sentTitle: 'Demande enregistrée',
        sent: 'Si un compte existe avec l’adresse {{email}}, un courriel contenant un lien de réinitialisation vient de lui être envoyé. Ce lien est valable peu de temps et ne sert qu’une fois. Pensez à vérifier vos courriers indésirables.',
        backToLogin: 'Retour à la connexion',
      },
      reset: {
        title: 'Choisir un nouveau mot de passe',
        intro: 'Choisissez un mot de passe d’au moins 12 caractères que vous n’utilisez nulle part ailleurs.',
        password: 'Nouveau mot de passe',
        passwordHint: '12 caractères minimum.',
        confirm: 'Confirmation du nouveau mot de passe',
        submit: 'Enregistrer le mot de passe',
        missingToken:
          'Ce lien est incomplet. Ouvrez le lien reçu par courriel tel quel, ou demandez un nouveau lien.',
        askNewLink: 'Demander un nouveau lien',
        checking: 'Vérification du lien…',
        doneTitle: 'Mot de passe enregistré',
        done: 'Votre nouveau mot de passe est enregistré et toutes vos sessions ouvertes ont été fermées. Vous pouvez maintenant vous connecter.',
        goToLogin: 'Se connecter',
      },
    },
  },
  errors: {
    resetTokenInvalid: 'Ce lien de réinitialisation n’est plus valide. Demandez-en un nouveau.',
  },
} as const;
