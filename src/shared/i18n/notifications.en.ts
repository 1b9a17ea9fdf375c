import type { Shape } from './namespaces.ts';

/** English strings of notifications. */
export const notifications: Shape<'notifications'> = {
  ui: {
    notifications: {
      page: {
        title: 'My notifications',
        intro: 'What the platform told you, newest first.',
        empty: 'You have no notifications.',
        emptyUnread: 'You have no unread notifications.',
        filterAll: 'All',
        filterUnread: 'Unread',
        filterLegend: 'Show',
        more: 'Show older notifications',
        markRead: 'Mark as read',
        markReadOf: 'Mark as read: {{title}}',
        unreadBadge: 'Unread',
        preferencesLink: 'Choose how to be told',
      },
      preferences: {
        title: 'My notifications: preferences',
        intro:
          'For each kind of event, choose how to be told: in the Magistère bell only, also by e-mail at once, in a daily summary e-mail (around 7 am), or not at all.',
        legend: '{{label}}',
        byDefault: '(default)',
        save: 'Save my preferences',
        saved: 'Your preferences were saved.',
        channels: {
          app: 'In Magistère only',
          email: 'In Magistère and by e-mail at once',
          digest: 'In Magistère and in the daily summary',
          off: 'Do not tell me',
        },
      },
    },
  },
  notifications: {
    errors: {
      badCursor: 'This page does not exist.',
      unknownType: 'This kind of notification does not exist.',
      badChannel: 'Choose one of the offered ways to be told.',
    },
    mail: {
      single: 'Hello {{name}},\n\n{{title}}\n\n{{link}}\n\n{{signature}}',
      digestSubject_one: 'Magistère: {{count}} new notification',
      digestSubject_other: 'Magistère: {{count}} new notifications',
      digest:
        'Hello {{name}},\n\nHere is what happened for you on Magistère since the last summary:\n\n{{list}}\n\nTo choose how to be told: {{preferences}}\n\n{{signature}}',
    },
    types: {
      enrolment: {
        label: 'Enrolment in a session',
        title: 'You are enrolled in the session “{{title}}”',
      },
      announce: {
        label: 'Announcement of a session by its trainers',
        title: 'Announcement of the session “{{title}}”: {{subject}}',
      },
      offerAlert: {
        label: 'New training offers matching my alerts (“Let me know”, every Monday)',
        title_one: '{{count}} new training offer matches your alerts',
        title_other: '{{count}} new training offers match your alerts',
      },
      reminder: {
        label: 'Reminder about a course',
        title: 'Reminder for the course “{{title}}”: {{subject}}',
      },
    },
  },
};
