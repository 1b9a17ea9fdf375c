/** French strings of one's own profile. */
export const profile = {
  ui: {
    profile: {
      title: 'Mon profil',
      infoTitle: 'Mes informations',
      email: 'Adresse électronique',
      emailHelp: 'Pour changer d’adresse électronique, contactez votre administrateur local.',
      firstName: 'Prénom',
      lastName: 'Nom',
      academie: 'Académie',
      departement: 'Département',
      discipline: 'Discipline',
      bodyGrade: 'Corps et grade',
      bodyGradeHint: 'Par exemple\u00a0: professeur certifié, classe normale',
      save: 'Enregistrer mes informations',
      passwordTitle: 'Changer de mot de passe',
      currentPassword: 'Mot de passe actuel',
      newPassword: 'Nouveau mot de passe',
      newPasswordHint: '12 caractères minimum.',
      confirmPassword: 'Confirmation du nouveau mot de passe',
      changePassword: 'Changer le mot de passe',
      notificationsTitle: 'Mes notifications',
      notificationsIntro:
        'Inscriptions, annonces des sessions, relances : choisissez, pour chacun, la cloche de Magistère, un courriel aussitôt, un récapitulatif quotidien ou rien.',
      notificationsLink: 'Choisir comment être prévenu(e)',
      passwordChanged: 'Votre mot de passe a été modifié. Vos autres sessions ont été fermées.',
    },
  },
} as const;
