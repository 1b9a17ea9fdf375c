/** The course an enrolment change is about: its domain, stage and access context, and whether it is open. */
import { sql } from 'drizzle-orm';
import type { Stage } from '../../../shared/lifecycle.ts';
import { findContext } from '../../platform/access/contexts.ts';
import type { Tx } from '../../platform/db/index.ts';
import { HttpProblem, problems } from '../../platform/http/problem.ts';
import { getCourse } from '../courses/index.ts';

export type EnrolmentCourse = {
  id: string;
  domainId: string;
  stage: Stage;
  title: string;
  contextId: number;
  contextPath: string;
};

export async function enrolmentCourse(db: Tx, courseId: string): Promise<EnrolmentCourse> {
  const { id, domainId, stage, title } = await getCourse(db, courseId);
  const context = await findContext(db, 'course', id);
  if (!context) throw problems.notFound();
  return { id, domainId, stage, title, contextId: context.id, contextPath: context.path };
}

/** Why nobody can be enrolled (or unenrolled, or regrouped) here now, if so. */
export function closedReason(course: Pick<EnrolmentCourse, 'stage'>): 'trash' | 'session_archived' | null {
  return course.stage === 'trash' || course.stage === 'session_archived' ? course.stage : null;
}

/** Refuses changes to who is in a course in the trash or in an archived session, saying which. */
export function assertOpen(course: Pick<EnrolmentCourse, 'stage'>) {
  const reason = closedReason(course);
  if (reason === 'trash') throw new HttpProblem(409, 'enrolment_closed', 'errors.enrolment.closedTrash');
  if (reason === 'session_archived')
    throw new HttpProblem(409, 'enrolment_closed', 'errors.enrolment.closedArchived');
}

/**
 * Serialises the changes to one course's enrolments (bulk applies, self-enrolment against the seat
 * limit) until the transaction ends, without locking the course row for its editors.
 */
export async function lockEnrolments(tx: Tx, courseId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`enrolment:${courseId}`}))`);
}
