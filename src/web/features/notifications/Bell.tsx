/**
 * The bell of the header: how many notifications are unread and the latest five, in a disclosure panel
 * (the same keyboard and pointer behaviour as the account menu), with "mark all read" and the full list.
 * Fed live through the person's realtime channel.
 */
import { fr } from '@codegouvfr/react-dsfr/fr/index.js';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import {
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationItem,
  notificationKeys,
  UNREAD_CAP,
  useNotificationSummary,
} from '../../api/notifications.ts';
import { useChannel } from '../../api/realtime.ts';
import { useMe } from '../../app/auth.tsx';
import { useDisclosure } from '../../app/useDisclosure.ts';

/** "3", or "99+" past the cap the server counts to. */
export const unreadText = (unread: number) => (unread > UNREAD_CAP ? `${UNREAD_CAP}+` : String(unread));

export function Bell({ id }: { id?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useMe();
  const summary = useNotificationSummary(true);
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  // Live: the person's channel says when something came or was read (in another tab too); a gap in the
  // messages (a long disconnection) reads the bell again as well.
  useChannel(
    `user:${me.user.id}`,
    () => void refresh(),
    (status) => {
      if (status.gap) void refresh();
    },
  );
  const { open, setOpen, rootRef, buttonRef } = useDisclosure();
  const fallback = useId();
  const panelId = `${id ?? fallback}-panel`;

  const unread = summary.data?.unread ?? 0;
  const latest = summary.data?.latest ?? [];
  const label =
    unread > UNREAD_CAP
      ? t('ui.bell.labelMany', { count: UNREAD_CAP })
      : t('ui.bell.label', { count: unread });

  async function follow(item: NotificationItem) {
    setOpen(false);
    if (!item.readAt) {
      await markNotificationRead(item.id).catch(() => undefined);
      await refresh();
    }
  }

  return (
    <div className="mg-user-menu mg-bell" ref={rootRef}>
      <button
        id={id}
        ref={buttonRef}
        type="button"
        className={fr.cx('fr-btn', 'fr-icon-notification-3-line', 'fr-btn--icon-left')}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => {
          setOpen((value) => !value);
          if (!open) void summary.refetch();
        }}
      >
        {t('ui.bell.title')}
        {unread > 0 ? (
          <span
            className={fr.cx('fr-badge', 'fr-badge--sm', 'fr-badge--error', 'fr-badge--no-icon', 'fr-ml-1w')}
            aria-hidden="true"
          >
            {unreadText(unread)}
          </span>
        ) : null}
      </button>
      <div id={panelId} className="mg-user-menu__panel mg-bell__panel" hidden={!open}>
        <p className={fr.cx('fr-text--bold', 'fr-text--sm', 'fr-mb-1w', 'fr-px-2w')} aria-live="polite">
          {label}
        </p>
        {latest.length === 0 ? (
          <p className={fr.cx('fr-text--sm', 'fr-px-2w')}>{t('ui.bell.empty')}</p>
        ) : (
          <ul className="mg-bell__list">
            {latest.map((item) => (
              <li key={item.id} className={item.readAt ? undefined : 'mg-bell__unread'}>
                <Link
                  className={fr.cx('fr-nav__link')}
                  to={item.link ?? '/notifications'}
                  onClick={() => void follow(item)}
                >
                  <span className="mg-bell__title">
                    {item.readAt ? null : (
                      <span className={fr.cx('fr-sr-only')}>{t('ui.bell.unread')} — </span>
                    )}
                    {item.title}
                  </span>
                  <span className={fr.cx('fr-text--xs', 'fr-mb-0')}>{formatDateTime(item.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <ul className="mg-bell__actions">
          {unread > 0 ? (
            <li>
              <button
                type="button"
                className={fr.cx('fr-nav__link')}
                onClick={async () => {
                  await markAllNotificationsRead();
                  await refresh();
                  buttonRef.current?.focus();
                }}
              >
                {t('ui.bell.markAll')}
              </button>
            </li>
          ) : null}
          <li>
            <Link className={fr.cx('fr-nav__link')} to="/notifications" onClick={() => setOpen(false)}>
              {t('ui.bell.seeAll')}
            </Link>
          </li>
          <li>
            <Link className={fr.cx('fr-nav__link')} to="/profil/notifications" onClick={() => setOpen(false)}>
              {t('ui.bell.preferences')}
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
