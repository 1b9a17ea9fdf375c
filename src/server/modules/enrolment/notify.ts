/**
 * Telling people they were enrolled in a session: the one function every enrolment path calls. It goes
 * through the notifications module, so each person's preference decides between the bell, the mail (the
 * mail below, as before), the daily digest or nothing.
 */
import type { EnrolRole } from '../../../shared/enrolment.ts';
import { formatDate } from '../../../shared/format.ts';
import { createI18n } from '../../../shared/i18n/index.ts';
import { isSession } from '../../../shared/lifecycle.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { Mailer } from '../../platform/mail/index.ts';
import { getCourse, sessionOf } from '../courses/index.ts';
import { defineNotificationType, notify } from '../notifications/index.ts';
import type { EnrolmentCourse } from './course.ts';

export type MailDeps = { mailer: Mailer; publicUrl: string; now?: Date };

const t = createI18n('fr').t;

export const ENROLMENT_NOTIFICATION = 'enrolment.enrolled';

type EnrolledData = {
  courseId: string;
  title: string;
  dates: string;
  roles: EnrolRole[];
  newAccount: boolean;
};

/** The type's texts: the bell's line and the mail every enrolment path sent before notifications. */
export function defineEnrolmentNotifications() {
  defineNotificationType<EnrolledData>(ENROLMENT_NOTIFICATION, {
    label: () => t('notifications.types.enrolment.label'),
    title: (data) => t('notifications.types.enrolment.title', { title: data.title }),
    link: (data) => `/parcours/${data.courseId}`,
    defaults: 'email',
    mail: (data, person, { publicUrl }) => {
      const roles = data.roles.map((role) => t(`mail.enrolment.roles.${role}`)).join(t('mail.enrolment.and'));
      const body = t('mail.enrolment.body', {
        name: `${person.firstName} ${person.lastName}`.trim(),
        roles,
        title: data.title,
        dates: data.dates,
        link: `${publicUrl}/parcours/${data.courseId}`,
      });
      const account = data.newAccount ? `\n\n${t('mail.enrolment.newAccount')}` : '';
      return {
        subject: t('mail.enrolment.subject', { title: data.title }),
        text: `${body}${account}\n\n${t('mail.signature')}\n`,
      };
    },
  });
}

/**
 * Notifies, in the caller's transaction, each person newly enrolled in a session (several roles in one
 * notification): the session's title, dates and link. Callers pass only enrolments just created, which
 * the enrolment lock makes happen once each, so nobody is told twice of the same enrolment; a parcours
 * (designers, construction) tells no one. The mails leave after commit (notifications' reaction).
 * Returns how many people were told (those who turned the type off are not).
 */
export async function notifyEnrolled(
  tx: Tx,
  deps: MailDeps,
  course: EnrolmentCourse,
  enrolled: { userId: string; role: EnrolRole }[],
  options: { newAccounts?: ReadonlySet<string> } = {},
): Promise<number> {
  if (enrolled.length === 0 || !isSession(course.stage) || course.stage === 'session_archived') return 0;
  const rolesOf = new Map<string, EnrolRole[]>();
  for (const { userId, role } of enrolled) rolesOf.set(userId, [...(rolesOf.get(userId) ?? []), role]);
  const [row, session] = await Promise.all([getCourse(tx, course.id), sessionOf(tx, course.id)]);
  const dates =
    session?.startsAt && session.endsAt
      ? t('mail.enrolment.dates', { start: formatDate(session.startsAt), end: formatDate(session.endsAt) })
      : t('mail.enrolment.noDates');
  // One notification per set of roles and account news: a list of a thousand participants is one insert.
  const groups = new Map<string, { roles: EnrolRole[]; newAccount: boolean; userIds: string[] }>();
  for (const [userId, roles] of rolesOf) {
    const newAccount = options.newAccounts?.has(userId) ?? false;
    const key = `${roles.join(',')}|${newAccount}`;
    const group = groups.get(key) ?? { roles, newAccount, userIds: [] };
    group.userIds.push(userId);
    groups.set(key, group);
  }
  let told = 0;
  for (const { roles, newAccount, userIds } of groups.values())
    told += await notify(tx, {
      userIds,
      type: ENROLMENT_NOTIFICATION,
      data: { courseId: course.id, title: row.title, dates, roles, newAccount } satisfies EnrolledData,
      now: deps.now,
    });
  return told;
}
