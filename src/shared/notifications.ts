import { z } from 'zod';

import { CHANNELS } from './notification-channels.ts';

export { CHANNELS, type Channel, UNREAD_CAP } from './notification-channels.ts';

/** One notification as the bell and the list show it: its texts are already written in French. */
export const NotificationItem = z.object({
  id: z.uuid(),
  type: z.string(),
  title: z.string(),
  /** Where it leads inside the app (a path), or null. */
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

/** `GET /api/me/notifications/summary`: what the bell shows. */
export const NotificationSummary = z.object({
  /** Unread, counted up to UNREAD_CAP + 1. */
  unread: z.number().int(),
  latest: z.array(NotificationItem),
});
export type NotificationSummary = z.infer<typeof NotificationSummary>;

export const NOTIFICATION_PAGE_SIZE = 20;

export const NotificationListQuery = z.object({
  /** The cursor the previous page gave. */
  before: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export const NotificationPage = z.object({
  items: z.array(NotificationItem),
  /** The cursor of the next page, or null at the end. */
  next: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationPreference = z.object({
  type: z.string(),
  label: z.string(),
  channel: z.enum(CHANNELS),
  defaultChannel: z.enum(CHANNELS),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

export const PreferencesBody = z.object({
  preferences: z
    .array(
      z.object({
        type: z.string().min(1).max(100),
        channel: z.enum(CHANNELS, { message: 'notifications.errors.badChannel' }),
      }),
    )
    .min(1)
    .max(100),
});
export type PreferencesBody = z.infer<typeof PreferencesBody>;
