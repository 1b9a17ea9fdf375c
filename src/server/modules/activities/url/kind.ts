import { UrlSettings } from '../../../../shared/activity-settings.ts';
import { defineActivity } from '../contract.ts';

/** A link to a resource elsewhere on the web; only http(s) addresses pass. */
export const url = defineActivity({
  kind: 'url',
  family: 'resource',
  settings: UrlSettings,
  // The course page names the site the link leads to.
  coursePageSummary: ({ settings }) => ({ url: settings.url }),
});
