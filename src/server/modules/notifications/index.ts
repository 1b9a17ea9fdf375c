/** The notifications module's public face: what other modules may use. */
export {
  defineNotificationType,
  type MailContext,
  type NotificationMail,
  type NotificationTypeDefinition,
  type NotifyInput,
  notificationPersonalData,
  notify,
  type Person,
  summary as notificationSummary,
} from './service.ts';
