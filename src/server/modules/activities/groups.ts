/**
 * The groups people belong to in a course, as the enrolment module keeps them. Enrolment sits above the
 * course engine, which sits above the kinds, so it lends its answer here at start-up (`lendGroupsOf`,
 * runtime.ts) rather than the kinds importing it: a kind with group modes (the deposit space's separate
 * groups) asks `groupsOfPeople`.
 */
import type { Tx } from '../../platform/db/index.ts';

/** Each person's groups in the course (people in none are absent or map to an empty list). */
export type GroupsOf = (
  db: Tx,
  courseId: string,
  userIds: readonly string[],
) => Promise<Map<string, string[]>>;

let lent: GroupsOf | undefined;

export function lendGroupsOf(groupsOf: GroupsOf) {
  if (lent && lent !== groupsOf) throw new Error('the groups of people are already lent');
  lent = groupsOf;
}

export function groupsOfPeople(db: Tx, courseId: string, userIds: readonly string[]) {
  if (!lent) throw new Error('no groups lent: the enrolment module is not loaded');
  return lent(db, courseId, userIds);
}
