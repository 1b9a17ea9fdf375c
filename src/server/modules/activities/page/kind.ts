import { z } from 'zod';
import { sanitizeRichText } from '../../../platform/richtext/sanitize.ts';
import { defineActivity } from '../contract.ts';

/** A page of rich text written in the editor. */
export const page = defineActivity({
  kind: 'page',
  family: 'resource',
  settings: z.object({ content: z.string().max(500_000) }),
  clean: (settings) => ({ content: sanitizeRichText(settings.content) }),
  defaults: () => ({ content: '' }),
});
