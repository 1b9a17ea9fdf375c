import type { Shape } from './namespaces.ts';

/** English strings of the designers' network (hub) and deployment. */
export const hub: Shape<'hub'> = {
  hub: {
    title: 'Designers’ network',
    intro:
      'Find the courses published by other domains and deploy them into yours. The copy keeps its link to the origin: when a new version is published, you see it and may update your copy.',
    search: {
      label: 'Search a course',
    },
    results_one: '{{count}} published course',
    results_other: '{{count}} published courses',
    resultsFor_one: '{{count}} course for “{{q}}”',
    resultsFor_other: '{{count}} courses for “{{q}}”',
    empty: 'No course matches this search.',
    emptyHint: 'Try another word, or clear the search to see the whole course offer.',
    noOffer: 'No course has been published in the course offer yet.',
    card: {
      origin: 'Designed by {{domain}}',
      version: 'Version {{version}}',
      noVersion: 'No version',
      duration: 'Duration: {{duration}}',
      deployments_zero: 'Never deployed',
      deployments_one: 'Deployed {{count}} time',
      deployments_other: 'Deployed {{count}} times',
      sessions_zero: 'no session',
      sessions_one: '{{count}} session',
      sessions_other: '{{count}} sessions',
      deploy: 'Deploy in my domain',
      deployTitle: 'Deploy “{{title}}” in my domain',
      ownDomain: 'A course of your domain',
      deployed: 'Already deployed in your domain',
      deployedIn: 'Already deployed in {{domain}}',
      openCopy: 'Open my copy',
      openCopyTitle: 'Open my copy “{{title}}” ({{domain}})',
      copyVersion: 'Your copy: version {{version}}',
      update: 'Update',
      updateTitle: 'Update my copy “{{title}}” to version {{version}}',
    },
    deploy: {
      title: 'Deploy a course',
      intro:
        'A copy of “{{title}}” (version {{version}}) will be created in the chosen domain, under construction. You may adapt it; it will offer you its origin’s new versions.',
      domain: 'Domain of the copy',
      domainHint: 'The domains where you may create courses.',
      copyTitle: 'Title of the copy',
      submit: 'Deploy',
      noDomain:
        'You may create courses in no domain other than this course’s own: there is nowhere to deploy it.',
      done: 'The course “{{title}}” is deployed in your domain (version {{version}}).',
    },
    deployment: {
      origin: 'Deployed from “{{title}}” ({{domain}}), version {{version}}.',
      originLink: 'See the presentation of the original course',
      upToDate: 'Your copy is up to date.',
      withdrawn: 'The original course was withdrawn from the offer: your copy will receive no new version.',
      newTitle: 'New version {{version}} available',
      newIntro_one: 'The original course published a new version since yours:',
      newIntro_other: 'The original course published {{count}} new versions since yours:',
      versionHeading: 'Version {{version}} — published on {{date}}',
      noNotes: 'No release notes.',
      update: 'Update my copy',
      confirmTitle: 'Update my copy',
      confirmText:
        'The sections and activities of your copy will be replaced by those of version {{version}} of the original course. Changes made in your copy will be lost. The title, domain, indexation and enrolments are kept.',
      confirm: 'Replace the content',
      updated: 'Your copy now holds version {{version}}.',
    },
    errors: {
      withdrawn: 'This course was withdrawn from the course offer.',
      noVersion: 'This course has no published version.',
      sameDomain: 'This course is already in this domain: choose another domain, or duplicate it.',
      notDeployed: 'This course was not deployed from the course offer.',
      upToDate: 'Your copy already holds the latest published version.',
      alreadyDeployed:
        'This course is already deployed in this domain: open your copy, and update it when a new version comes out.',
    },
  },
};
