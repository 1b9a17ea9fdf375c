import type { Catalogue } from './fr.ts';

export const offers: Catalogue['offers'] = {
  alerts: {
    title: 'Tell me about new offers',
    link: 'Tell me about new offers',
    intro:
      'Every Monday morning, receive by email the new training offers for the publics or about the keywords you choose. No new offer, no email.',
    publics: 'Publics',
    publicsHint: 'Offers for any of these publics will be sent to you.',
    keywords: 'Keywords',
    keywordsInvalid: 'Twenty keywords at most, of sixty characters at most each.',
    keywordsHint:
      'Separated by commas, for example “mathematics, assessment”. Accents and capitals do not matter.',
    submit: 'Save my alerts',
    saved: 'Your alerts are saved. The next email leaves on Monday if there are new offers.',
    subscribedSince: 'Alerts active since {{date}}.',
    none: 'You have no alert yet.',
    unsubscribe: 'Unsubscribe',
    unsubscribed: 'You are unsubscribed: you will no longer receive these emails.',
    catalogue: 'See the training offer',
    unsubscribePage: {
      title: 'Unsubscribe from new offers',
      intro:
        'You will no longer receive the weekly email of new training offers. You may subscribe again at any time.',
      submit: 'Unsubscribe',
      doneTitle: 'You are unsubscribed',
      done: 'You will no longer receive the email of new training offers.',
      missingToken:
        'This unsubscribe link is incomplete. Copy the whole address from the email, or manage your alerts from your account.',
      manage: 'Manage my alerts',
    },
    errors: {
      emptySubscription: 'Choose at least one public or one keyword.',
      unknownToken:
        'This unsubscribe link is no longer valid: you may already be unsubscribed. Alerts can also be managed from your account.',
    },
    mail: {
      subject_one: 'A new training offer for you',
      subject_other: '{{count}} new training offers for you',
      startsOn: '(from {{date}})',
      more_one: '… and one more offer, in the catalogue: {{link}}',
      more_other: '… and {{count}} more offers, in the catalogue: {{link}}',
      text_one:
        'Hello {{name}},\n\nA new training offer matches your alerts ({{what}}):\n\n{{list}}\n\nTo change your alerts: {{manage}}\nTo stop this email: {{unsubscribe}}\n\n{{signature}}',
      text_other:
        'Hello {{name}},\n\n{{count}} new training offers match your alerts ({{what}}):\n\n{{list}}\n\nTo change your alerts: {{manage}}\nTo stop this email: {{unsubscribe}}\n\n{{signature}}',
    },
  },
  title: 'Training offer',
};
