/**
 * `/messagerie/ecrire`: a new message, a reply (`?repondre=<id>`, `&tous=1` for everyone), a forward
 * (`?transferer=<id>`) or a draft again (`?brouillon=<id>`). The draft is saved a few seconds after each
 * change, with its version: a save from a stale tab is refused (409) and said, never silently lost.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Tag } from '@codegouvfr/react-dsfr/Tag.js';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import {
  attach,
  createDraft,
  type Draft,
  deleteDraft,
  detach,
  fetchMessage,
  messagingKeys,
  type RecipientSpec,
  saveDraft,
  searchPeople,
  sendDraft,
  useRecipientOptions,
} from '../../api/messaging.ts';
import { useMe } from '../../app/auth.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RichTextEditor } from '../../components/RichTextEditor.tsx';
import { isStaleVersion } from '../../components/StaleVersion.tsx';
import './messaging.css';

type ListName = 'to' | 'cc' | 'bcc';
type Lists = Record<ListName, RecipientSpec[]>;
type Initial = {
  courseId: string;
  subject: string;
  body: string;
  lists: Lists;
  individual: boolean;
  inReplyTo?: string;
  forwardOf?: string;
  draft?: { id: string; version: number; attachments: Draft['attachments'] };
};

const AUTOSAVE_MS = 3000;
const empty = (): Lists => ({ to: [], cc: [], bcc: [] });
const keyOf = (s: RecipientSpec) => `${s.type}:${'id' in s ? s.id : s.role}`;

export function ComposePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const [initial, setInitial] = useState<Initial>();
  const [error, setError] = useState<unknown>();
  const draftId = params.get('brouillon');
  const replyTo = params.get('repondre');
  const forward = params.get('transferer');
  const all = params.get('tous') === '1';
  const course = params.get('parcours') ?? '';

  useEffect(() => {
    let live = true;
    const load = async (): Promise<Initial> => {
      if (draftId) {
        const d = await fetchMessage(draftId);
        return {
          courseId: d.courseId,
          subject: d.subject,
          body: d.body,
          lists: d.draft ? { to: d.draft.to, cc: d.draft.cc, bcc: d.draft.bcc } : empty(),
          individual: d.individual,
          draft: { id: d.id, version: d.version, attachments: d.attachments },
        };
      }
      const source = replyTo ?? forward;
      if (!source) return { courseId: course, subject: '', body: '', lists: empty(), individual: false };
      const m = await fetchMessage(source);
      const quote = `<p></p><p>${escapeHtml(t('ui.messaging.compose.quote', { date: formatDateTime(m.at), name: m.from.name }))}</p><blockquote>${m.body}</blockquote>`;
      if (forward)
        return {
          courseId: m.courseId,
          subject: prefixed(t('ui.messaging.compose.forwardPrefix'), m.subject),
          body: quote,
          lists: empty(),
          individual: false,
          forwardOf: m.id,
        };
      const person = (p: { id: string; name: string }): RecipientSpec => ({
        type: 'user',
        id: p.id,
        name: p.name,
      });
      const mine = m.from.id === me.user.id;
      const lists = empty();
      lists.to = mine ? m.to.map(person) : [person(m.from)];
      if (all) {
        if (!mine) lists.to.push(...m.to.filter((p) => p.id !== me.user.id).map(person));
        lists.cc = m.cc.filter((p) => p.id !== me.user.id).map(person);
      }
      return {
        courseId: m.courseId,
        subject: prefixed(t('ui.messaging.compose.replyPrefix'), m.subject),
        body: quote,
        lists,
        individual: false,
        inReplyTo: m.id,
      };
    };
    load().then(
      (value) => live && setInitial(value),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [draftId, replyTo, forward, all, course, me.user.id, t]);

  return (
    <>
      <PageHeading
        title={t('ui.messaging.compose.title')}
        crumbs={[{ label: t('ui.messaging.title'), to: '/messagerie' }]}
      />
      {error ? <ProblemAlert error={error} /> : initial ? <ComposeForm initial={initial} /> : <Loading />}
    </>
  );
}

const prefixed = (prefix: string, subject: string) =>
  subject.toLowerCase().startsWith(prefix.trim().toLowerCase()) ? subject : `${prefix}${subject}`;

function escapeHtml(text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function ComposeForm({ initial }: { initial: Initial }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useRecipientOptions();
  const [courseId, setCourseId] = useState(initial.courseId);
  const [lists, setLists] = useState<Lists>(initial.lists);
  const [individual, setIndividual] = useState(initial.individual);
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [attachments, setAttachments] = useState(initial.draft?.attachments ?? []);
  const [target, setTarget] = useState<ListName>('to');
  const [status, setStatus] = useState<string>();
  const [stale, setStale] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const draft = useRef(initial.draft ? { id: initial.draft.id, version: initial.draft.version } : undefined);
  const [dirty, setDirty] = useState(0);
  const saving = useRef<Promise<void> | undefined>(undefined);
  const course = options.data?.courses.find((c) => c.id === courseId);

  const changed = () => setDirty((n) => n + 1);
  const values = { courseId, subject, body, individual, ...lists };
  const latest = useRef(values);
  latest.current = values;

  /** Creates the draft on first save, then saves it at the version last seen. */
  const save = useCallback(async () => {
    const v = latest.current;
    if (!v.courseId) return;
    const run = async () => {
      setStatus(t('ui.messaging.compose.saving'));
      try {
        if (!draft.current) {
          draft.current = await createDraft({
            ...v,
            ...(initial.inReplyTo ? { inReplyTo: initial.inReplyTo } : {}),
            ...(initial.forwardOf ? { forwardOf: initial.forwardOf } : {}),
          });
        } else {
          draft.current = await saveDraft(draft.current.id, { ...v, version: draft.current.version });
        }
        setStatus(t('ui.messaging.compose.saved', { time: new Date().toLocaleTimeString('fr-FR') }));
      } catch (e) {
        setStatus(undefined);
        if (isStaleVersion(e)) setStale(true);
        else setError(e);
        throw e;
      }
    };
    saving.current = (saving.current ?? Promise.resolve()).catch(() => {}).then(run);
    return saving.current;
  }, [initial.inReplyTo, initial.forwardOf, t]);

  // Autosave a few seconds after the last change (not while a stale draft waits to be reloaded).
  useEffect(() => {
    if (dirty === 0 || stale) return;
    const timer = setTimeout(() => void save().catch(() => {}), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, stale, save]);

  const add = (spec: RecipientSpec) => {
    setLists((current) => {
      if (Object.values(current).some((list) => list.some((s) => keyOf(s) === keyOf(spec)))) return current;
      return { ...current, [target]: [...current[target], spec] };
    });
    changed();
  };
  const remove = (list: ListName, spec: RecipientSpec) => {
    setLists((current) => ({ ...current, [list]: current[list].filter((s) => keyOf(s) !== keyOf(spec)) }));
    changed();
  };
  const describe = (spec: RecipientSpec): string => {
    if (spec.type === 'user') return spec.name ?? '';
    if (spec.type === 'role') {
      const count = course?.roles.find((r) => r.role === spec.role)?.count ?? 0;
      return t('ui.messaging.compose.roleOf', { role: t(`ui.messaging.compose.roles.${spec.role}`), count });
    }
    const group = course?.groups.find((g) => g.id === spec.id);
    return t('ui.messaging.compose.groupOf', { name: group?.name ?? '', count: group?.count ?? 0 });
  };

  const onSend = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (lists.to.length + lists.cc.length + lists.bcc.length === 0) {
      setError(new Error(t('ui.messaging.compose.noRecipient')));
      return;
    }
    setSending(true);
    try {
      await save();
      const result = await sendDraft(draft.current!.id, draft.current!.version);
      await queryClient.invalidateQueries({ queryKey: messagingKeys.all });
      navigate('/messagerie?dossier=sent', {
        state: {
          flash:
            result.status === 'queued'
              ? t('ui.messaging.compose.queued', { count: result.recipients })
              : t('ui.messaging.compose.sent'),
        },
      });
    } catch (e) {
      if (!isStaleVersion(e)) setError(e);
    } finally {
      setSending(false);
    }
  };

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setError(undefined);
    try {
      if (!draft.current) await save();
      const added = await attach(draft.current!.id, [...files]);
      setAttachments((current) => [...current, ...added]);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form onSubmit={onSend} noValidate>
      {stale ? (
        <Alert className="fr-mb-3w" severity="warning" small description={t('ui.messaging.compose.stale')} />
      ) : null}
      {error ? (
        error instanceof Error && !('status' in error) ? (
          <Alert className="fr-mb-3w" severity="error" small description={error.message} />
        ) : (
          <ProblemAlert error={error} className="fr-mb-3w" />
        )
      ) : null}
      <Select
        label={t('ui.messaging.compose.course')}
        hint={t('ui.messaging.compose.courseHint')}
        nativeSelectProps={{
          value: courseId,
          required: true,
          disabled: Boolean(initial.inReplyTo),
          onChange: (e) => {
            setCourseId(e.target.value);
            setLists(empty());
            changed();
          },
        }}
      >
        <option value="" disabled>
          {t('ui.messaging.compose.chooseCourse')}
        </option>
        {options.data?.courses.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </Select>

      {(['to', 'cc', 'bcc'] as const).map((list) =>
        lists[list].length > 0 || list === 'to' ? (
          <div key={list} className="fr-mb-2w">
            <p className="fr-text--bold fr-mb-1v" id={`recipients-${list}`}>
              {t(`ui.messaging.compose.${list}`)}
            </p>
            <ul className="mg-recipients" aria-labelledby={`recipients-${list}`}>
              {lists[list].map((spec) => (
                <li key={keyOf(spec)}>
                  <Tag
                    dismissible
                    small
                    nativeButtonProps={{
                      type: 'button',
                      'aria-label': t('ui.messaging.compose.removeRecipient', { name: describe(spec) }),
                      onClick: () => remove(list, spec),
                    }}
                  >
                    {describe(spec)}
                  </Tag>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}

      {course ? (
        <fieldset className="fr-fieldset fr-mb-2w" aria-labelledby="add-recipients-legend">
          <legend className="fr-fieldset__legend" id="add-recipients-legend">
            {t('ui.messaging.compose.addRecipients')}
          </legend>
          <div className="fr-fieldset__element">
            <Select
              label={t('ui.messaging.compose.addTo', { list: t(`ui.messaging.compose.${target}`) })}
              nativeSelectProps={{ value: target, onChange: (e) => setTarget(e.target.value as ListName) }}
            >
              {(['to', 'cc', 'bcc'] as const).map((l) => (
                <option key={l} value={l}>
                  {t(`ui.messaging.compose.${l}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-fieldset__element">
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--secondary">
              {course.roles.map((r) => (
                <li key={r.role}>
                  <button
                    type="button"
                    className="fr-btn fr-btn--secondary fr-btn--sm"
                    onClick={() => add({ type: 'role', role: r.role })}
                  >
                    {describe({ type: 'role', role: r.role })}
                  </button>
                </li>
              ))}
              {course.groups.map((g) => (
                <li key={g.id}>
                  <button
                    type="button"
                    className="fr-btn fr-btn--tertiary fr-btn--sm"
                    onClick={() => add({ type: 'group', id: g.id })}
                  >
                    {describe({ type: 'group', id: g.id })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
          <div className="fr-fieldset__element">
            <PeopleSearch
              courseId={course.id}
              onPick={(p) => add({ type: 'user', id: p.id, name: p.name })}
            />
          </div>
        </fieldset>
      ) : null}

      <Checkbox
        options={[
          {
            label: t('ui.messaging.compose.individual'),
            hintText: t('ui.messaging.compose.individualHint'),
            nativeInputProps: {
              checked: individual,
              onChange: (e) => {
                setIndividual(e.target.checked);
                changed();
              },
            },
          },
        ]}
      />
      <Input
        label={t('ui.messaging.compose.subject')}
        nativeInputProps={{
          value: subject,
          maxLength: 300,
          onChange: (e) => {
            setSubject(e.target.value);
            changed();
          },
        }}
      />
      <RichTextEditor
        id="message-body"
        label={t('ui.messaging.compose.body')}
        defaultValue={initial.body}
        onChange={(html: string) => {
          setBody(html);
          changed();
        }}
      />
      <div className="fr-upload-group fr-mt-3w">
        <label className="fr-label" htmlFor="message-files">
          {t('ui.messaging.compose.attach')}
        </label>
        <input
          className="fr-upload"
          type="file"
          id="message-files"
          multiple
          disabled={!courseId}
          onChange={(e) => {
            void onFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {attachments.length > 0 ? (
        <ul className="mg-recipients fr-mt-1w">
          {attachments.map((a) => (
            <li key={a.id}>
              <Tag
                dismissible
                small
                nativeButtonProps={{
                  type: 'button',
                  'aria-label': t('ui.messaging.compose.removeRecipient', { name: a.filename }),
                  onClick: async () => {
                    await detach(draft.current!.id, a.id);
                    setAttachments((current) => current.filter((x) => x.id !== a.id));
                  },
                }}
              >
                {a.filename}
              </Tag>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="fr-text--sm fr-mt-2w" role="status" aria-live="polite">
        {status}
      </p>
      <ButtonsGroup
        inlineLayoutWhen="md and up"
        buttons={[
          {
            children: t('ui.messaging.compose.send'),
            type: 'submit',
            iconId: 'fr-icon-send-plane-line',
            disabled: sending || stale,
          },
          {
            children: t('ui.messaging.compose.saveDraft'),
            priority: 'secondary',
            type: 'button',
            disabled: !courseId || stale,
            onClick: () => void save().catch(() => {}),
          },
          ...(draft.current
            ? [
                {
                  children: t('ui.messaging.compose.discard'),
                  priority: 'tertiary' as const,
                  type: 'button' as const,
                  onClick: async () => {
                    await deleteDraft(draft.current!.id);
                    await queryClient.invalidateQueries({ queryKey: messagingKeys.all });
                    navigate('/messagerie?dossier=drafts');
                  },
                },
              ]
            : []),
        ]}
      />
    </form>
  );
}

/** Finds people of the course by name; each result is a button that adds them. */
function PeopleSearch({
  courseId,
  onPick,
}: {
  courseId: string;
  onPick: (p: { id: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<{ id: string; name: string; role: string }[]>();
  useEffect(() => {
    if (q.trim().length < 2) {
      setResults(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      searchPeople(courseId, q.trim()).then(
        (list) => live && setResults(list),
        () => live && setResults([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, courseId]);
  return (
    <>
      <Input
        label={t('ui.messaging.compose.searchPeople')}
        hintText={t('ui.messaging.compose.searchPeopleHint')}
        nativeInputProps={{
          type: 'search',
          value: q,
          onChange: (e) => setQ(e.target.value),
          autoComplete: 'off',
        }}
      />
      <div aria-live="polite">
        {results === undefined ? null : results.length === 0 ? (
          <p className="fr-text--sm">{t('ui.messaging.compose.noPeople')}</p>
        ) : (
          <ul className="mg-recipients">
            {results.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-add-line fr-btn--icon-left"
                  onClick={() => {
                    onPick(p);
                    setQ('');
                  }}
                >
                  {p.name} ({t(`ui.messaging.compose.roleName.${p.role as 'participant'}`)})
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
