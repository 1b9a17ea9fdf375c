import type { Shape } from './namespaces.ts';

/** English strings of cohorts. */
export const cohorts: Shape<'cohorts'> = {
  ui: {
    cohorts: {
      title: 'Cohorts',
      intro:
        'A cohort gathers people of your domain (a school’s staff, a year group) to enrol them together in a session.',
      createTitle: 'Create a cohort',
      domain: 'Domain',
      name: 'Cohort name',
      description: 'Description',
      create: 'Create the cohort',
      created: 'The cohort “{{name}}” has been created.',
      caption: 'Cohorts of your domains',
      colName: 'Name',
      colDomain: 'Domain',
      colMembers: 'Members',
      colCreated: 'Created on',
      empty: 'No cohort has been created yet.',
      emptyNext: 'Create a cohort with the form above.',
      back: 'All cohorts',
      editTitle: 'Name and description',
      save: 'Save',
      saved: 'The cohort has been changed.',
      membersTitle: 'Members',
      membersCaption: 'Members of cohort {{name}}',
      colEmail: 'E-mail address',
      colAdded: 'Added on',
      noMembers: 'This cohort has no member yet.',
      remove: 'Remove',
      removeLabel: 'Remove {{name}} from the cohort',
      removed: '{{name}} has been removed from the cohort.',
      addTitle: 'Add members',
      addLabel: 'E-mail addresses',
      addHint:
        'Separate addresses with commas, semicolons, vertical bars or new lines. Each must match an account.',
      addSubmit: 'Add to the cohort',
      addedCount: '{{added}} people added ({{already}} already members).',
      delete: 'Delete the cohort',
      deleteTitle: 'Delete cohort “{{name}}”?',
      deleteText:
        'People already enrolled in sessions through this cohort stay enrolled. Only the cohort goes.',
      deleteConfirm: 'Delete for good',
      deleted: 'The cohort “{{name}}” has been deleted.',
    },
  },
  errors: {
    cohorts: {
      nameTaken: 'A cohort of this domain already has this name.',
      nothingToAdd: 'Enter at least one e-mail address.',
      membersInvalid: 'Nobody was added: some addresses are invalid or unknown.',
      invalidEmail: 'Line {{line}}: “{{email}}” is not a valid e-mail address.',
      unknownEmail: 'Line {{line}}: no account uses the address {{email}}.',
    },
  },
};
