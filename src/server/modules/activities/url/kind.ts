import { z } from 'zod';
import { HttpUrl } from '../../../../shared/urls.ts';
import { defineActivity } from '../contract.ts';

/** A link to a resource elsewhere on the web; only http(s) addresses pass. */
export const url = defineActivity({
  kind: 'url',
  family: 'resource',
  settings: z.object({ url: HttpUrl, newWindow: z.boolean().default(true) }),
  // The course page names the site the link leads to.
  coursePageSummary: ({ settings }) => ({ url: settings.url }),
});
