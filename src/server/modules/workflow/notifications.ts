import { createI18n } from '../../../shared/i18n/index.ts';
import { defineNotificationType } from '../notifications/index.ts';

const t = createI18n('fr').t;

export const ANNOUNCE_NOTIFICATION = 'workflow.announce';

export type AnnounceData = {
  courseId: string;
  title: string;
  subject: string;
  message: string;
  dates: string;
};

/** A session announced by its trainers: in the bell, and the announcement's mail as it always was. */
export function defineWorkflowNotifications() {
  defineNotificationType<AnnounceData>(ANNOUNCE_NOTIFICATION, {
    label: () => t('notifications.types.announce.label'),
    title: (data) => t('notifications.types.announce.title', { title: data.title, subject: data.subject }),
    link: (data) => `/parcours/${data.courseId}`,
    defaults: 'email',
    mail: (data, person, { publicUrl }) => ({
      subject: data.subject,
      text: `${t('workflow.mail.announce', {
        name: `${person.firstName} ${person.lastName}`,
        title: data.title,
        message: data.message,
        dates: data.dates,
        link: `${publicUrl}/parcours/${data.courseId}`,
      })}\n\n${t('mail.signature')}\n`,
    }),
  });
}
