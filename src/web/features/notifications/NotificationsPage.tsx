/** `/notifications`: all of one's notifications, newest first, a page at a time; unread ones on demand. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { fr } from '@codegouvfr/react-dsfr/fr/index.js';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import {
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  useNotificationList,
} from '../../api/notifications.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotificationList(unreadOnly);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const anyUnread = items.some((item) => !item.readAt);

  return (
    <>
      <PageHeading title={t('ui.notifications.page.title')}>
        <p>{t('ui.notifications.page.intro')}</p>
      </PageHeading>
      <div className="mg-notification-tools fr-mb-3w">
        <SegmentedControl
          small
          legend={t('ui.notifications.page.filterLegend')}
          segments={[
            {
              label: t('ui.notifications.page.filterAll'),
              nativeInputProps: { checked: !unreadOnly, onChange: () => setUnreadOnly(false) },
            },
            {
              label: t('ui.notifications.page.filterUnread'),
              nativeInputProps: { checked: unreadOnly, onChange: () => setUnreadOnly(true) },
            },
          ]}
        />
        {anyUnread ? (
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm', 'fr-mt-2w')}>
            <li>
              <Button
                priority="secondary"
                onClick={async () => {
                  await markAllNotificationsRead();
                  await refresh();
                }}
              >
                {t('ui.bell.markAll')}
              </Button>
            </li>
          </ul>
        ) : null}
        <p className={fr.cx('fr-mt-2w', 'fr-mb-0')}>
          <Link
            className={fr.cx('fr-link', 'fr-icon-settings-5-line', 'fr-link--icon-left')}
            to="/profil/notifications"
          >
            {t('ui.notifications.page.preferencesLink')}
          </Link>
        </p>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState
          message={t(unreadOnly ? 'ui.notifications.page.emptyUnread' : 'ui.notifications.page.empty')}
        />
      ) : (
        <>
          <ul className="mg-notification-list">
            {items.map((item) => (
              <li key={item.id}>
                <div>
                  {item.readAt ? null : (
                    <p className={fr.cx('fr-badge', 'fr-badge--sm', 'fr-badge--info', 'fr-mb-1w')}>
                      {t('ui.notifications.page.unreadBadge')}
                    </p>
                  )}
                  <p className={fr.cx('fr-mb-1v', item.readAt ? undefined : 'fr-text--bold')}>
                    {item.link ? (
                      <Link
                        to={item.link}
                        onClick={() => {
                          if (!item.readAt) void markNotificationRead(item.id).then(refresh);
                        }}
                      >
                        {item.title}
                      </Link>
                    ) : (
                      item.title
                    )}
                  </p>
                  <p className={fr.cx('fr-text--xs', 'fr-mb-0')}>{formatDateTime(item.createdAt)}</p>
                </div>
                {item.readAt ? null : (
                  <Button
                    size="small"
                    priority="tertiary"
                    aria-label={t('ui.notifications.page.markReadOf', { title: item.title })}
                    onClick={async () => {
                      await markNotificationRead(item.id);
                      await refresh();
                    }}
                  >
                    {t('ui.notifications.page.markRead')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <Button
              priority="secondary"
              disabled={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              {t('ui.notifications.page.more')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
