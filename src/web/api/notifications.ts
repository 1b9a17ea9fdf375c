/** One's notifications: the bell's summary, the full list, marking read, and the preferences. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { PreferencesBody } from '../../shared/notifications.ts';
import { takeBootHeader } from './boot.ts';
import { get, path, send } from './client.ts';

export { CHANNELS, UNREAD_CAP } from '../../shared/notification-channels.ts';
export type {
  Channel,
  NotificationItem,
  NotificationPreference,
} from '../../shared/notifications.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  summary: ['notifications', 'summary'] as const,
  list: (unread: boolean) => ['notifications', 'list', unread] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/**
 * What the bell shows. The bell reads it again when the person's realtime channel says so; also when the
 * window comes back to the foreground, in case the connection was down meanwhile.
 */
export function useNotificationSummary(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.summary,
    queryFn: async () =>
      takeBootHeader('notifications') ??
      get('/api/me/notifications/summary', (c) => c.notifications.NotificationSummary),
    enabled,
    refetchOnWindowFocus: 'always',
    staleTime: 10_000,
  });
}

export function useNotificationList(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unread),
    queryFn: ({ pageParam }) =>
      get('/api/me/notifications', (c) => c.notifications.NotificationPage, {
        before: pageParam,
        unread: unread ? 'true' : undefined,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export const markNotificationRead = (id: string) => send('POST', path`/api/me/notifications/${id}/read`);

export const markAllNotificationsRead = () =>
  send('POST', '/api/me/notifications/read-all', { answer: (c) => c.z.object({ marked: c.z.number() }) });

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () =>
      get('/api/me/notification-preferences', (c) => c.z.array(c.notifications.NotificationPreference)),
  });
}

export const saveNotificationPreferences = (body: PreferencesBody) =>
  send('PUT', '/api/me/notification-preferences', {
    body,
    answer: (c) => c.z.array(c.notifications.NotificationPreference),
  });
