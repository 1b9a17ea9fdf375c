import type { CourseMetadata } from '../../../shared/lifecycle.ts';
import { sanitizeRichText } from '../../platform/richtext/sanitize.ts';

/** An indexation ready to store: objectives through the rich-text allow-list, keywords without repeats. */
export function cleanMetadata(metadata: CourseMetadata): CourseMetadata {
  return {
    ...metadata,
    ...(metadata.objectives !== undefined && { objectives: sanitizeRichText(metadata.objectives) }),
    ...(metadata.keywords && {
      keywords: [...new Map(metadata.keywords.map((k) => [k.toLocaleLowerCase('fr'), k])).values()],
    }),
  };
}
