/** French strings of the offers feature (pages and errors), under the `offers` key of the catalogue. */
export const offers = {
  alerts: {
    title: 'Prévenez-moi des nouvelles offres',
    link: 'Prévenez-moi des nouvelles offres',
    intro:
      'Chaque lundi matin, recevez par courriel les nouvelles offres de formation destinées aux publics ou portant sur les mots-clés que vous choisissez. Sans nouvelle offre, pas de courriel.',
    publics: 'Publics',
    publicsHint: 'Les offres destinées à l’un de ces publics vous seront signalées.',
    keywords: 'Mots-clés',
    keywordsInvalid: 'Vingt mots-clés au plus, de soixante caractères au plus chacun.',
    keywordsHint:
      'Séparés par des virgules, par exemple «\u00a0mathématiques, évaluation\u00a0». Les accents et les majuscules ne comptent pas.',
    submit: 'Enregistrer mes alertes',
    saved: 'Vos alertes sont enregistrées. Le prochain courriel partira lundi s’il y a de nouvelles offres.',
    subscribedSince: 'Alertes actives depuis le {{date}}.',
    none: 'Vous n’avez pas d’alerte pour le moment.',
    unsubscribe: 'Me désabonner',
    unsubscribed: 'Vous êtes désabonné(e)\u00a0: vous ne recevrez plus ces courriels.',
    catalogue: 'Voir l’offre de formation',
    unsubscribePage: {
      title: 'Se désabonner des nouvelles offres',
      intro:
        'Vous ne recevrez plus le courriel hebdomadaire des nouvelles offres de formation. Vous pourrez vous réabonner à tout moment.',
      submit: 'Me désabonner',
      doneTitle: 'Vous êtes désabonné(e)',
      done: 'Vous ne recevrez plus le courriel des nouvelles offres de formation.',
      missingToken:
        'Ce lien de désabonnement est incomplet. Copiez l’adresse entière depuis le courriel, ou gérez vos alertes depuis votre compte.',
      manage: 'Gérer mes alertes',
    },
    errors: {
      emptySubscription: 'Choisissez au moins un public ou un mot-clé.',
      unknownToken:
        'Ce lien de désabonnement n’est plus valable\u00a0: vous êtes peut-être déjà désabonné(e). Vos alertes se gèrent aussi depuis votre compte.',
    },
    mail: {
      subject_one: 'Une nouvelle offre de formation pour vous',
      subject_other: '{{count}} nouvelles offres de formation pour vous',
      startsOn: '(à partir du {{date}})',
      more_one: '… et une autre offre, à retrouver dans le catalogue\u00a0: {{link}}',
      more_other: '… et {{count}} autres offres, à retrouver dans le catalogue\u00a0: {{link}}',
      text_one:
        'Bonjour {{name}},\n\nUne nouvelle offre de formation correspond à vos alertes ({{what}})\u00a0:\n\n{{list}}\n\nPour modifier vos alertes\u00a0: {{manage}}\nPour ne plus recevoir ce courriel\u00a0: {{unsubscribe}}\n\n{{signature}}',
      text_other:
        'Bonjour {{name}},\n\n{{count}} nouvelles offres de formation correspondent à vos alertes ({{what}})\u00a0:\n\n{{list}}\n\nPour modifier vos alertes\u00a0: {{manage}}\nPour ne plus recevoir ce courriel\u00a0: {{unsubscribe}}\n\n{{signature}}',
    },
  },
  title: 'Offre de formation',
};
