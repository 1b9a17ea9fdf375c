import { LabelSettings } from '../../../../shared/activity-settings.ts';
import { sanitizeRichText } from '../../../platform/richtext/sanitize.ts';
import { defineActivity } from '../contract.ts';

/** The educational labels of Magistère: short framed texts that structure a course page. */
export const label = defineActivity({
  kind: 'label',
  family: 'resource',
  settings: LabelSettings,
  clean: (settings) => ({ style: settings.style, content: sanitizeRichText(settings.content) }),
  // Shown in place on the course page: all of it.
  coursePageSummary: ({ settings }) => ({ style: settings.style, content: settings.content }),
  defaults: () => ({ style: 'objective' as const, content: '' }),
  // Shown in place on the course page, never opened: nothing to track.
  completion: { untracked: true },
});
