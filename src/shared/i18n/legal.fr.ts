/** French strings of the legal pages. */
export const legal = {
  ui: {
    legal: {
      accessibility: {
        title: 'Déclaration d’accessibilité',
        status: 'État de conformité',
        statusText:
          'Magistère est non conforme au référentiel général d’amélioration de l’accessibilité (RGAA)\u00a0: aucun audit n’a encore été réalisé. Nous ne pouvons donc pas affirmer qu’il respecte les critères, même si nous le concevons pour qu’il soit utilisable au clavier et avec un lecteur d’écran.',
        efforts: 'Ce que nous faisons',
        effortsText:
          'Le service utilise le Système de design de l’État (DSFR). Chaque page est testée automatiquement avec l’outil axe lors de son développement. Un audit complet est prévu avant l’ouverture au public.',
        contact: 'Signaler un problème',
        contactText:
          'Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez votre administrateur local\u00a0: il vous orientera vers une alternative accessible et transmettra votre signalement à l’équipe.',
        remedy: 'Voies de recours',
        remedyText:
          'Si vous n’obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur des droits (defenseurdesdroits.fr).',
      },
      notice: {
        title: 'Mentions légales',
        publisher: 'Éditeur',
        publisherText: 'Ministère de l’Éducation nationale, 110 rue de Grenelle, 75357 Paris SP 07.',
        director: 'Directeur de la publication',
        directorText: 'Le directeur du numérique pour l’éducation.',
        hosting: 'Hébergement',
        hostingText:
          'Le service est hébergé par l’établissement qui l’exploite, sur des serveurs situés en France.',
        license: 'Code source',
        licenseText: 'Magistère est un logiciel libre, publié sous licence EUPL 1.2.',
      },
      data: {
        title: 'Données personnelles',
        controller: 'Responsable du traitement',
        controllerText:
          'Le ministère de l’Éducation nationale est responsable des traitements de données réalisés sur Magistère.',
        purpose: 'Données traitées et finalités',
        purposeText:
          'Nous traitons votre identité (nom, prénom, adresse électronique), votre rattachement (domaine, académie, département, discipline, corps et grade) et vos rôles, afin de gérer votre compte et vos formations. Les actions sensibles (connexions, modifications de comptes et de rôles) sont enregistrées dans un journal, avec l’adresse IP, pour la sécurité du service.',
        retention: 'Durée de conservation',
        retentionText:
          'Un compte local sans connexion pendant trois ans est signalé, puis suspendu, puis supprimé.',
        rights: 'Vos droits',
        rightsText:
          'Vous disposez d’un droit d’accès, de rectification, d’effacement et de portabilité de vos données. Vous pouvez corriger vos informations sur la page «\u00a0Mon profil\u00a0». Sur cette même page, vous pouvez télécharger vos données et demander la suppression de votre compte, qu’un administrateur de votre domaine examine. Vous pouvez aussi saisir la CNIL.',
      },
      cookies: {
        title: 'Gestion des cookies',
        text: 'Magistère dépose un seul cookie, strictement nécessaire\u00a0: le cookie de session, qui vous garde connecté et protège vos actions. Il est supprimé quand vous vous déconnectez ou quand votre session expire. Il ne peut pas être refusé sans empêcher la connexion, et il ne nécessite donc pas votre consentement.',
        noTracking:
          'Aucun cookie de mesure d’audience, de publicité ou de réseau social n’est utilisé, et aucun service tiers n’est chargé par vos pages.',
        storage:
          'Votre navigateur garde aussi, en local et sans les transmettre, deux préférences\u00a0: le thème d’affichage choisi et votre domaine de travail.',
      },
    },
  },
} as const;
