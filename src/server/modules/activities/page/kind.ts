import { PageSettings } from '../../../../shared/activity-settings.ts';
import { sanitizeRichText } from '../../../platform/richtext/sanitize.ts';
import { defineActivity } from '../contract.ts';

/** A page of rich text written in the editor. */
export const page = defineActivity({
  kind: 'page',
  family: 'resource',
  settings: PageSettings,
  clean: (settings) => ({ content: sanitizeRichText(settings.content) }),
  defaults: () => ({ content: '' }),
});
