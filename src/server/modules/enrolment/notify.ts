/**
 * Telling people they were enrolled in a session. There is no notifications module yet: this is the one
 * function every enrolment path calls, for a later notifications module to take over (preferences,
 * in-app messages, digests) without touching the paths.
 */
import type { EnrolRole } from '../../../shared/enrolment.ts';
import { formatDate } from '../../../shared/format.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { isSession } from '../../../shared/lifecycle.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { findUsersByIds } from '../accounts/index.ts';
import { getCourse, sessionOf } from '../courses/index.ts';
import type { EnrolmentCourse } from './course.ts';

export type MailDeps = { mailer: Mailer; publicUrl: string };

const t = createI18n('fr').t;

/**
 * Queues, in the caller's transaction, one mail per person newly enrolled in a session (several roles
 * in one mail): the session's title, dates and link. Callers pass only enrolments just created, which
 * the enrolment lock makes happen once each, so nobody is told twice of the same enrolment; a parcours
 * (designers, construction) tells no one. Returns the mail ids, to flush after commit.
 */
export async function notifyEnrolled(
  tx: Tx,
  deps: MailDeps,
  course: EnrolmentCourse,
  enrolled: { userId: string; role: EnrolRole }[],
  options: { newAccounts?: ReadonlySet<string> } = {},
): Promise<string[]> {
  if (enrolled.length === 0 || !isSession(course.stage) || course.stage === 'session_archived') return [];
  const rolesOf = new Map<string, EnrolRole[]>();
  for (const { userId, role } of enrolled) rolesOf.set(userId, [...(rolesOf.get(userId) ?? []), role]);
  const [row, session, people] = await Promise.all([
    getCourse(tx, course.id),
    sessionOf(tx, course.id),
    findUsersByIds(tx, [...rolesOf.keys()]),
  ]);
  const dates =
    session?.startsAt && session.endsAt
      ? t('mail.enrolment.dates', { start: formatDate(session.startsAt), end: formatDate(session.endsAt) })
      : t('mail.enrolment.noDates');
  const link = `${deps.publicUrl}/parcours/${course.id}`;
  const ids: string[] = [];
  for (const person of people) {
    const roles = (rolesOf.get(person.id) ?? [])
      .map((role) => t(`mail.enrolment.roles.${role}`))
      .join(t('mail.enrolment.and'));
    const body = t('mail.enrolment.body', {
      name: `${person.firstName} ${person.lastName}`.trim(),
      roles,
      title: row.title,
      dates,
      link,
    });
    const account = options.newAccounts?.has(person.id) ? `\n\n${t('mail.enrolment.newAccount')}` : '';
    ids.push(
      await deps.mailer.queue(tx, {
        to: person.email,
        subject: t('mail.enrolment.subject', { title: row.title }),
        text: `${body}${account}\n\n${t('mail.signature')}\n`,
      }),
    );
  }
  return ids;
}
