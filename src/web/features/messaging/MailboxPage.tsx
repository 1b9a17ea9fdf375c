/** `/messagerie`: the folders and labels, a course filter, the search, and the list of one folder. */

import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { SideMenu } from '@codegouvfr/react-dsfr/SideMenu.js';
import { Tag } from '@codegouvfr/react-dsfr/Tag.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { MESSAGING_FOLDERS, type MessagingFolder } from '../../../shared/messaging.ts';
import {
  type MessageSummary,
  useLabels,
  useMessages,
  useRecipientOptions,
  useUnread,
} from '../../api/messaging.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LabelTag } from './LabelTag.tsx';
import { Preferences } from './Preferences.tsx';
import './messaging.css';

export function MailboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const folder = (MESSAGING_FOLDERS as readonly string[]).includes(params.get('dossier') ?? '')
    ? (params.get('dossier') as MessagingFolder)
    : 'inbox';
  const courseId = params.get('parcours') ?? undefined;
  const labelId = params.get('etiquette') ?? undefined;
  const q = params.get('q') ?? undefined;
  const [pages, setPages] = useState<string[]>([]);
  const before = pages.at(-1);
  const query = useMessages({ folder, courseId, labelId, q, before });
  const labels = useLabels();
  const options = useRecipientOptions();
  const unread = useUnread(true);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setPages([]);
    setParams(next);
  };
  const link = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ parcours: courseId, ...changes }))
      if (value) next.set(key, value);
    const qs = next.toString();
    return qs ? `/messagerie?${qs}` : '/messagerie';
  };
  const folderName = t(`ui.messaging.folders.${folder}`);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;

  return (
    <>
      <PageHeading title={t('ui.messaging.title')} crumbs={[]}>
        <Button
          linkProps={{ to: courseId ? `/messagerie/ecrire?parcours=${courseId}` : '/messagerie/ecrire' }}
          iconId="fr-icon-edit-line"
        >
          {t('ui.messaging.compose.write')}
        </Button>
      </PageHeading>
      {flash ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={flash} />
      ) : null}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <SideMenu
            align="left"
            burgerMenuButtonText={t('ui.messaging.folders.label')}
            title={t('ui.messaging.folders.label')}
            items={[
              ...MESSAGING_FOLDERS.map((f) => ({
                text:
                  f === 'inbox' && (unread.data?.total ?? 0) > 0
                    ? `${t('ui.messaging.folders.inbox')} (${unread.data?.total})`
                    : t(`ui.messaging.folders.${f}`),
                linkProps: { to: link({ dossier: f === 'inbox' ? undefined : f }) },
                isActive: f === folder && !labelId,
              })),
              ...(labels.data && labels.data.length > 0
                ? [
                    {
                      text: t('ui.messaging.labels.title'),
                      expandedByDefault: true,
                      items: labels.data.map((l) => ({
                        text: l.name,
                        linkProps: {
                          to: link({ dossier: folder === 'inbox' ? undefined : folder, etiquette: l.id }),
                        },
                        isActive: l.id === labelId,
                      })),
                    },
                  ]
                : []),
            ]}
          />
          <Preferences />
        </div>
        <div className="fr-col-12 fr-col-md-9">
          <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
            <div className="fr-col-12 fr-col-lg-5">
              <Select
                label={t('ui.messaging.filters.course')}
                nativeSelectProps={{
                  value: courseId ?? '',
                  onChange: (e) => update({ parcours: e.target.value || undefined }),
                }}
              >
                <option value="">{t('ui.messaging.filters.allCourses')}</option>
                {options.data?.courses.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-lg-7">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const text = String(new FormData(e.currentTarget).get('q') ?? '').trim();
                  update({ q: text || undefined });
                }}
              >
                <label className="fr-label" htmlFor="messaging-q">
                  {t('ui.messaging.filters.search')}
                </label>
                <div className="fr-search-bar fr-mt-1w">
                  <input
                    key={q ?? ''}
                    className="fr-input"
                    id="messaging-q"
                    type="search"
                    name="q"
                    defaultValue={q ?? ''}
                  />
                  <button type="submit" className="fr-btn" title={t('ui.messaging.filters.searchButton')}>
                    {t('ui.messaging.filters.searchButton')}
                  </button>
                </div>
              </form>
            </div>
          </div>
          <h2 className="fr-h4" id="messaging-list-title">
            {labelId ? (labels.data?.find((l) => l.id === labelId)?.name ?? folderName) : folderName}
          </h2>
          {query.isPending ? (
            <Loading />
          ) : query.isError ? (
            <ProblemAlert error={query.error} />
          ) : query.data.items.length === 0 ? (
            <EmptyState message={q ? t('ui.messaging.list.emptySearch') : t('ui.messaging.list.empty')} />
          ) : (
            <>
              <ul className="mg-mailbox-list" aria-labelledby="messaging-list-title">
                {query.data.items.map((m) => (
                  <MessageRow key={m.id} message={m} />
                ))}
              </ul>
              {query.data.next ? (
                <Button priority="secondary" onClick={() => setPages([...pages, query.data.next!])}>
                  {t('ui.messaging.list.more')}
                </Button>
              ) : null}
            </>
          )}
        </div>
      </div>
    </>
  );
}

function MessageRow({ message: m }: { message: MessageSummary }) {
  const { t } = useTranslation();
  const to =
    m.folder === 'drafts' && !m.trashed ? `/messagerie/ecrire?brouillon=${m.id}` : `/messagerie/${m.id}`;
  const subject = m.subject || t('ui.messaging.list.noSubject');
  return (
    <li className={`mg-mailbox-item${m.read ? '' : ' mg-mailbox-item--unread'}`}>
      <div className="mg-mailbox-item__head">
        <span className="mg-mailbox-item__from">
          {!m.read ? <span className="fr-sr-only">{t('ui.messaging.list.unread')} — </span> : null}
          {m.from.name}
        </span>
        <span className="fr-text--xs fr-mb-0">{formatDateTime(m.at)}</span>
      </div>
      <Link to={to} className="mg-mailbox-item__subject">
        {m.starred ? <span className="fr-icon-star-fill fr-icon--sm fr-mr-1v" aria-hidden="true" /> : null}
        {subject}
      </Link>
      <p className="fr-text--sm fr-mb-0 mg-mailbox-item__excerpt">{m.excerpt}</p>
      <div className="mg-mailbox-item__meta">
        <Tag small>{m.courseTitle}</Tag>
        {m.labels.map((l) => (
          <LabelTag key={l.id} label={l} />
        ))}
        {m.attachments > 0 ? (
          <span className="fr-text--xs fr-mb-0">
            <span className="fr-icon-attachment-line fr-icon--xs" aria-hidden="true" />{' '}
            {t('ui.messaging.list.attachments', { count: m.attachments })}
          </span>
        ) : null}
      </div>
    </li>
  );
}
