import type { Shape } from './namespaces.ts';

/** English strings of one's personal data (export, erasure requests) and their review by administrators. */
export const privacy: Shape<'privacy'> = {
  ui: {
    privacy: {
      title: 'My personal data',
      intro: 'You can download the data Magistère keeps about you and ask for your account to be deleted.',
      export: {
        title: 'Download my data',
        text: 'A JSON file gathers your account, your roles, your enrolments, your progress, your visits, your work in activities and the history of your logins. It holds neither your password nor your login tokens.',
        download: 'Download my data',
        downloadDetail: 'JSON',
        notice:
          'Personal data Magistère keeps about you, at the time of the export. Dates are in universal time (UTC).',
      },
      erasure: {
        title: 'Delete my account',
        text: 'An administrator of your domain reviews your request. Once they have approved it, your account is anonymised, your data is erased and you can no longer log in. This deletion is final.',
        request: 'Ask for my account to be deleted',
        modalTitle: 'Ask for my account to be deleted',
        modalIntro:
          'If your request is approved, your name, your e-mail address, your enrolments, your progress and your work will be erased, and you will no longer be able to log in. Remember to download your data first.',
        reason: 'Reason for the request',
        reasonHint:
          'For example: I am leaving the Éducation nationale. The administrator reviewing the request will read it.',
        confirmed: 'I understand that the deletion of my account is final.',
        confirmation: 'Confirmation',
        confirmRequired: 'Tick this box to confirm your request.',
        submit: 'Send the request',
        sent: 'Your deletion request was sent to the administrators of your domain.',
        pendingTitle: 'Deletion request under review',
        pending:
          'You asked for your account to be deleted on {{date}}. An administrator of your domain will review it.',
        withdraw: 'Withdraw my request',
        withdrawTitle: 'Withdraw my deletion request',
        withdrawText: 'Your account will be kept. You may ask again later.',
        withdrawn: 'Your deletion request was withdrawn.',
        refusedTitle: 'Deletion request refused',
        refused: 'Your request of {{date}} was refused on {{decidedAt}}. Reason: {{reason}}',
      },
      admin: {
        title: 'Account deletion requests',
        intro:
          'The people of your domains who ask for their account to be deleted. Approving erases their data and anonymises their account, for good; refusing tells them your reason.',
        filtersLegend: 'Filter the requests',
        status: 'Status',
        allStatuses: 'All requests',
        filter: 'Filter',
        caption: 'Account deletion requests',
        colPerson: 'Person',
        colDomain: 'Domain',
        colRequestedAt: 'Requested on',
        colReason: 'Reason',
        colStatus: 'Status',
        statuses: {
          pending: 'Pending',
          approved: 'Approved',
          refused: 'Refused',
          cancelled: 'Withdrawn',
        },
        decided: '{{status}} on {{date}}',
        decidedBy: '{{status}} on {{date}} by {{name}}',
        reasonErased: 'Erased with the account',
        approve: 'Approve',
        approveLabel: 'Approve the request of {{name}}',
        approveTitle: 'Delete the account of {{name}}',
        approveText:
          'The account of {{name}} ({{email}}) will be anonymised and their data erased: enrolments, roles, groups, progress, work in activities. They will no longer be able to log in. This is final.',
        approveConfirm: 'Delete the account',
        approved: 'The account of {{name}} was deleted and their data erased.',
        refuse: 'Refuse',
        refuseLabel: 'Refuse the request of {{name}}',
        refuseTitle: 'Refuse the request of {{name}}',
        refuseIntro: 'The person will read your reason on their “My profile” page and may ask again.',
        refuseReason: 'Reason for refusing',
        refuseSubmit: 'Refuse the request',
        refused: 'The request of {{name}} was refused.',
        empty: 'No request matches this filter.',
        emptyNext: 'The requests the people of your domains send from their profile appear here.',
      },
      errors: {
        alreadyRequested: 'You already have a pending deletion request.',
        nonePending: 'You have no pending deletion request.',
        ownRequest: 'You cannot decide on your own deletion request: another administrator must review it.',
        alreadyDecided: 'This request has already been decided.',
        adminAccount:
          'Only a platform administrator can decide on the deletion of an administrator’s account.',
      },
    },
  },
};
