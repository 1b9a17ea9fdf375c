/** `/messagerie/:id`: a conversation as I hold it, with its actions (answer, forward, labels, trash). */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { LABEL_COLOURS } from '../../../shared/messaging.ts';
import {
  attachmentUrl,
  createLabel,
  deleteForever,
  labelConversation,
  type Message,
  messagingKeys,
  readConversation,
  setFlags,
  unlabelConversation,
  useConversation,
  useLabels,
} from '../../api/messaging.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RichText } from '../../components/RichTextEditor.tsx';
import { LabelTag } from './LabelTag.tsx';
import './messaging.css';

export function MessagePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useConversation(id);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string>();
  const conversationId = query.data?.id;
  const hasUnread = query.data?.messages.some((m) => !m.read) ?? false;

  // Opening a conversation reads it: its unread messages are marked, and the header's counter follows.
  useEffect(() => {
    if (!conversationId || !hasUnread) return;
    void readConversation(conversationId).then(() =>
      queryClient.invalidateQueries({ queryKey: messagingKeys.all }),
    );
  }, [conversationId, hasUnread, queryClient]);

  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <>
        <PageHeading
          title={t('ui.messaging.read.notFound')}
          crumbs={[{ label: t('ui.messaging.title'), to: '/messagerie' }]}
        />
        <ProblemAlert error={query.error} />
      </>
    );
  const opened = query.data.messages.find((m) => m.id === id) ?? query.data.messages.at(-1)!;
  const subject = opened.subject || t('ui.messaging.list.noSubject');

  return (
    <>
      <PageHeading title={subject} crumbs={[{ label: t('ui.messaging.title'), to: '/messagerie' }]}>
        <p className="fr-mb-0">
          {t('ui.messaging.read.course')} {opened.courseTitle}
        </p>
      </PageHeading>
      {notice ? (
        <Alert className="fr-mb-3w" severity="success" small role="status" description={notice} />
      ) : null}
      <Labels conversationId={query.data.id} labels={opened.labels} />
      <h2 className="fr-sr-only">{t('ui.messaging.read.thread')}</h2>
      {query.data.messages.map((m) => (
        <MessageCard key={m.id} message={m} onNotice={setNotice} />
      ))}
      <Link to="/messagerie" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
        {t('ui.messaging.read.back')}
      </Link>
    </>
  );
}

function People({ label, people }: { label: string; people: { id: string; name: string }[] }) {
  if (people.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{people.map((p) => p.name).join(', ')}</dd>
    </>
  );
}

function MessageCard({ message: m, onNotice }: { message: Message; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: messagingKeys.all });
  const act = async (run: () => Promise<unknown>, then?: () => void) => {
    setError(undefined);
    try {
      await run();
      then?.();
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const titleId = `message-${m.id}-title`;

  return (
    <article className="mg-message" aria-labelledby={titleId}>
      <h3 className="fr-h6 fr-mb-1w" id={titleId}>
        {m.from.name} — {formatDateTime(m.at)}
      </h3>
      <dl className="mg-message__people fr-text--sm">
        <People label={t('ui.messaging.read.to')} people={m.to} />
        <People label={t('ui.messaging.read.cc')} people={m.cc} />
        <People label={t('ui.messaging.read.bcc')} people={m.bcc} />
      </dl>
      {m.individual ? (
        <p className="fr-text--sm fr-text-mention--grey">{t('ui.messaging.read.individual')}</p>
      ) : null}
      {m.status === 'queued' ? <p className="fr-text--sm">{t('ui.messaging.read.queued')}</p> : null}
      <RichText html={m.body} />
      {m.attachments.length > 0 ? (
        <>
          <h4 className="fr-text--md fr-mt-2w fr-mb-1w">{t('ui.messaging.read.attachments')}</h4>
          <ul>
            {m.attachments.map((a) => (
              <li key={a.id}>
                <a
                  className="fr-link fr-link--download"
                  href={attachmentUrl(m.id, a.id)}
                  download={a.filename}
                >
                  {a.filename}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {error ? <ProblemAlert error={error} className="fr-mt-2w" /> : null}
      <ButtonsGroup
        className="fr-mt-2w"
        inlineLayoutWhen="md and up"
        buttonsSize="small"
        buttons={[
          {
            children: t('ui.messaging.read.reply'),
            iconId: 'fr-icon-reply-line',
            linkProps: { to: `/messagerie/ecrire?repondre=${m.id}` },
          },
          {
            children: t('ui.messaging.read.replyAll'),
            priority: 'secondary',
            linkProps: { to: `/messagerie/ecrire?repondre=${m.id}&tous=1` },
          },
          {
            children: t('ui.messaging.read.forward'),
            priority: 'secondary',
            linkProps: { to: `/messagerie/ecrire?transferer=${m.id}` },
          },
          {
            children: m.starred ? t('ui.messaging.read.unstar') : t('ui.messaging.read.star'),
            priority: 'tertiary',
            iconId: m.starred ? 'fr-icon-star-fill' : 'fr-icon-star-line',
            onClick: () => act(() => setFlags(m.id, { starred: !m.starred })),
          },
          ...(m.folder === 'inbox' && !m.trashed
            ? [
                {
                  children: t('ui.messaging.read.markUnread'),
                  priority: 'tertiary' as const,
                  onClick: () =>
                    act(
                      () => setFlags(m.id, { read: false }),
                      () => navigate('/messagerie'),
                    ),
                },
              ]
            : []),
          m.trashed
            ? {
                children: t('ui.messaging.read.restore'),
                priority: 'tertiary' as const,
                onClick: () =>
                  act(
                    () => setFlags(m.id, { trashed: false }),
                    () => onNotice(t('ui.messaging.read.restored')),
                  ),
              }
            : {
                children: t('ui.messaging.read.trash'),
                priority: 'tertiary' as const,
                iconId: 'fr-icon-delete-line' as const,
                onClick: () =>
                  act(
                    () => setFlags(m.id, { trashed: true }),
                    () => navigate('/messagerie', { state: { flash: t('ui.messaging.read.trashed') } }),
                  ),
              },
          ...(m.trashed
            ? [
                {
                  children: t('ui.messaging.read.deleteForever'),
                  priority: 'tertiary' as const,
                  onClick: () =>
                    act(
                      () => deleteForever(m.id),
                      () =>
                        navigate('/messagerie?dossier=trash', {
                          state: { flash: t('ui.messaging.read.deleted') },
                        }),
                    ),
                },
              ]
            : []),
        ]}
      />
    </article>
  );
}

/** The conversation's labels (mine only), and a form to put one on it, or create one. */
function Labels({ conversationId, labels }: { conversationId: string; labels: Message['labels'] }) {
  const { t } = useTranslation();
  const all = useLabels();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const [choice, setChoice] = useState('');
  const [name, setName] = useState('');
  const [colour, setColour] = useState<string>(LABEL_COLOURS[0]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: messagingKeys.all });
  const available = (all.data ?? []).filter((l) => !labels.some((on) => on.id === l.id));

  const apply = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      let labelId = choice;
      if (!labelId) {
        if (!name.trim()) return;
        labelId = (await createLabel({ name: name.trim(), colour })).id;
        setName('');
      }
      await labelConversation(labelId, conversationId);
      setChoice('');
      await refresh();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section className="fr-mb-3w" aria-labelledby="labels-title">
      <h2 className="fr-h6 fr-mb-1w" id="labels-title">
        {t('ui.messaging.labels.title')}
      </h2>
      {labels.length > 0 ? (
        <ul className="mg-recipients">
          {labels.map((l) => (
            <li key={l.id}>
              <LabelTag label={l} />{' '}
              <button
                type="button"
                className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line"
                title={t('ui.messaging.labels.remove', { name: l.name })}
                onClick={async () => {
                  await unlabelConversation(l.id, conversationId);
                  await refresh();
                }}
              >
                {t('ui.messaging.labels.remove', { name: l.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={apply} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={t('ui.messaging.labels.choose')}
            nativeSelectProps={{ value: choice, onChange: (e) => setChoice(e.target.value) }}
          >
            <option value="">{t('ui.messaging.labels.create')}</option>
            {available.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        </div>
        {choice ? null : (
          <>
            <div className="fr-col-12 fr-col-md-3">
              <Input
                label={t('ui.messaging.labels.name')}
                nativeInputProps={{ value: name, maxLength: 40, onChange: (e) => setName(e.target.value) }}
              />
            </div>
            <div className="fr-col-12 fr-col-md-3">
              <Select
                label={t('ui.messaging.labels.colour')}
                nativeSelectProps={{ value: colour, onChange: (e) => setColour(e.target.value) }}
              >
                {LABEL_COLOURS.map((c) => (
                  <option key={c} value={c}>
                    {t(`ui.messaging.labels.colours.${c}`)}
                  </option>
                ))}
              </Select>
            </div>
          </>
        )}
        <div className="fr-col-12 fr-col-md-2">
          <Button type="submit" priority="secondary">
            {t('ui.messaging.labels.apply')}
          </Button>
        </div>
      </form>
      {error ? <ProblemAlert error={error} className="fr-mt-2w" /> : null}
    </section>
  );
}
