/**
 * What the server's first HTML answer carried for this page (`#mg-boot`, see `src/server/shell-boot.ts`):
 * who is signed in, and the data the first page asks at once. Each answer serves the first time it is asked
 * for, then the page asks the API as usual: it is as fresh as the page load, not longer.
 */
import type { Boot } from '../../shared/api.ts';

const text = typeof document === 'undefined' ? null : document.getElementById('mg-boot')?.textContent;
const boot: Partial<Boot> = text ? (JSON.parse(text) as Boot) : {};

/** Who is signed in, as the page was served (undefined: the shell said nothing, ask the API). */
export const bootMe = boot.me;

/** "Mon espace", the first time it is asked, when the page served was it. */
export function takeBootSpace(): Boot['space'] {
  const space = boot.space;
  boot.space = undefined;
  return space;
}

/** The reader's side of a course, the first time it is asked, when the page served was that course's. */
export function takeBootCourse(courseId: string): Boot['course'] {
  const course = boot.course;
  if (course?.id !== courseId) return undefined;
  boot.course = undefined;
  return course;
}

/** The header's counters, the first time each is asked (they follow live updates afterwards). */
export function takeBootHeader<K extends keyof NonNullable<Boot['header']>>(
  part: K,
): NonNullable<Boot['header']>[K] | undefined {
  const value = boot.header?.[part];
  if (boot.header) delete (boot.header as Partial<NonNullable<Boot['header']>>)[part];
  return value;
}
