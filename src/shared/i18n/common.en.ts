import type { Shape } from './namespaces.ts';

/** English strings of the frame of every page (header, menus, footer, errors of loading) and the shared components of `src/web/components`; always loaded. */
export const common: Shape<'common'> = {
  ui: {
    bell: {
      label_zero: 'Notifications',
      label_one: 'Notifications: {{count}} unread',
      label_other: 'Notifications: {{count}} unread',
      labelMany: 'Notifications: more than {{count}} unread',
      title: 'Notifications',
      empty: 'No notifications yet.',
      markAll: 'Mark all as read',
      seeAll: 'See all my notifications',
      preferences: 'Preferences',
      unread: 'Unread',
    },
    app: {
      name: 'Magistère',
      tagline: 'Continuing education for the staff of French national education',
      brandTop: 'République\nFrançaise',
      homeLinkTitle: 'Home — Magistère',
      documentTitle: '{{title}} — Magistère',
    },
    common: {
      loading: 'Loading…',
      save: 'Save',
      saving: 'Saving…',
      cancel: 'Cancel',
      close: 'Close',
      search: 'Search',
      saved: 'Your changes have been saved.',
      requiredHint: 'All fields are required unless marked otherwise.',
      optional: '(optional)',
      errorSummaryTitle: 'The form contains errors',
      errorSummaryIntro: 'Please correct the following fields:',
      errorTitle: 'An error occurred',
      networkError: 'The server does not answer. Check your connection and try again.',
      retry: 'Try again',
      none: '—',
      never: 'Never',
      resultCount_one: '{{count}} result',
      resultCount_other: '{{count}} results',
      allDomains: 'All domains',
      actions: 'Actions',
    },
    validation: {
      required: 'This field is required.',
      email: 'Enter a valid e-mail address, for example name@domain.fr.',
      tooShort: 'This field must contain at least {{min}} characters.',
      tooLong: 'This field must contain at most {{max}} characters.',
      invalid: 'This field is not valid.',
      passwordsDiffer: 'The two passwords are not the same.',
      slug: 'Use only lowercase letters without accents, digits and hyphens, for example “aix-marseille”.',
    },
    staleVersion: {
      title: 'Changed in the meantime',
      keep: 'What you typed is kept in the form. Load the latest version, check, then save again.',
      reload: 'Load the latest version',
      reloading: 'Loading…',
      reloadedTitle: 'Latest version loaded',
      reloaded:
        'The fields you had not changed now show the latest version; what you typed is kept. Check, then save.',
      changed: 'Changed by the other person: {{fields}}.',
      kept: 'You had changed it too, your input is kept: {{fields}}.',
      unchanged: 'None of the fields of this form was changed by the other person.',
    },
    skipLinks: {
      content: 'Content',
      menu: 'Menu',
      footer: 'Footer',
    },
    nav: {
      home: 'My space',
      profile: 'My profile',
      trash: 'Trash',
      admin: 'Administration',
      users: 'Users',
      domains: 'Domains',
      audit: 'Activity log',
      mail: 'Sent e-mails',
      videoHosts: 'Video hosts',
    },
    header: {
      domainSwitcher: 'Working domain',
      messaging: 'Messages',
      messagingUnread_one: 'Messages, {{count}} unread',
      messagingUnread_other: 'Messages, {{count}} unread',
      userMenu: 'My account',
      logout: 'Log out',
      login: 'Log in',
    },
    footer: {
      description:
        'Magistère is the hybrid training platform for the staff of French national education: courses, sessions and remote support.',
      personalData: 'Personal data',
      cookies: 'Cookie management',
    },
    breadcrumb: {
      home: 'My space',
    },
    roles: {
      admin: 'Administrator',
      domain_admin: 'Local administrator',
      manager: 'Manager',
      designer: 'Designer',
      trainer: 'Trainer',
      tutor: 'Tutor',
      participant: 'Participant',
      observer: 'Observer (steering, inspector)',
    },
    contextLevels: {
      platform: 'Platform',
      domain: 'Domain',
      course: 'Course',
      activity: 'Activity',
    },
    availability: {
      label: 'Available from',
      clear: 'Clear the date',
      from: 'Available from {{date}} at {{time}}',
    },
    lifecycle: {
      nav: {
        label: 'Course pages',
        content: 'Content',
        lifecycle: 'Life cycle',
        indexation: 'Indexation',
        participants: 'Participants',
        groups: 'Groups',
        followup: 'Follow-up',
        reminders: 'Reminders',
        attendance: 'Attendance',
        completion: 'Completion',
        settings: 'Settings',
      },
    },
    activities: {
      upload: {
        failedAfterCreate:
          'The activity “{{title}}” was created, but sending the file failed: {{reason}} Upload it again below.',
        pending: 'Uploading the file…',
        tooLarge: 'The file is larger than the maximum size allowed.',
      },
    },
    forbidden: {
      title: 'Access denied',
      text: 'You do not have the rights needed to view this page. If you think this is a mistake, contact your local administrator.',
      back: 'Back to My space',
    },
    notFound: {
      title: 'Page not found',
      text: 'The page you are looking for cannot be found. Check the address, or go back to the home page.',
      back: 'Back to the home page',
    },
    loadFailed: {
      title: 'The page could not be loaded',
      text: 'A new version of Magistère may have been put online, or the connection was interrupted. Reload the page to continue.',
      reload: 'Reload the page',
    },
    cohorts: {
      nav: 'Cohorts',
    },
    privacy: {
      admin: {
        nav: 'Deletion requests',
      },
    },
  },
  hub: {
    nav: 'Designers’ network',
  },
  offers: {
    title: 'Training offer',
  },
  errors: {
    internal: 'An unexpected error occurred. Please try again later.',
  },
  workflow: {
    stages: {
      template: 'Template',
      construction: 'Course in construction',
      session_preparation: 'Session in preparation',
      session_running: 'Running session',
      session_archived: 'Archived session',
      trash: 'Trash',
    },
  },
};
