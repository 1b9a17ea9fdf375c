import { z } from 'zod';
import { sanitizeRichText } from '../../../platform/richtext/sanitize.ts';
import { defineActivity } from '../contract.ts';

/** The educational labels of Magistère: short framed texts that structure a course page. */
export const LABEL_STYLES = [
  'objective',
  'instruction',
  'key_point',
  'remember',
  'resource',
  'warning',
] as const;

export const label = defineActivity({
  kind: 'label',
  family: 'resource',
  settings: z.object({ style: z.enum(LABEL_STYLES), content: z.string().max(100_000) }),
  clean: (settings) => ({ style: settings.style, content: sanitizeRichText(settings.content) }),
  // Shown in place on the course page: all of it.
  coursePageSummary: ({ settings }) => ({ style: settings.style, content: settings.content }),
  defaults: () => ({ style: 'objective' as const, content: '' }),
  // Shown in place on the course page, never opened: nothing to track.
  completion: { untracked: true },
});
