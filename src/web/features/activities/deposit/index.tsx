/**
 * Deposit space: each participant deposits a production (a description and files), sees the others' that
 * the space shows her, and comments on them; trainers hide, show and delete deposits and comments, and
 * download every file as one zip.
 */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { Upload } from '@codegouvfr/react-dsfr/Upload.js';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPOSIT_GROUP_MODES } from '../../../../shared/activity-settings.ts';
import { formatDateTime } from '../../../../shared/format.ts';
import {
  addDepositFiles,
  commentDeposit,
  type DepositComment,
  type DepositEntry,
  deleteComment,
  deleteDeposit,
  depositFileUrl,
  depositKeys,
  depositZipUrl,
  moderateComment,
  moderateDeposit,
  removeDepositFile,
  saveDeposit,
  useDepositSpace,
  withdrawDeposit,
} from '../../../api/deposit.ts';
import { ConfirmModal } from '../../../components/dialogs.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { TextAreaField, TextField } from '../../../components/fields.tsx';
import { fieldId } from '../../../components/forms.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { ProblemAlert, useProblemMessage } from '../../../components/ProblemAlert.tsx';
import { RichText, RichTextEditor } from '../../../components/RichTextEditor.tsx';
import { useUploadMessage } from '../../../components/upload.ts';
import { DownloadLink } from '../file/index.tsx';
import { type ActivityEditorProps, type ActivityKindUi, type ActivityViewProps, str } from '../types.ts';

const withdrawModal = createModal({ id: 'modale-retrait-depot', isOpenedByDefault: false });

type Heading = 'h2' | 'h3' | 'h4';
const below = (level: Heading): Heading => (level === 'h2' ? 'h3' : 'h4');

/** Plain text typed in a comment, as the rich text the server keeps: paragraphs, line breaks, escaped. */
function textToHtml(text: string): string {
  const escaped = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escaped(paragraph.trim()).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

/** Says what happened, politely, to assistive technologies. */
function Status({ message }: { message: string }) {
  return (
    <p className={message ? 'fr-message fr-message--info fr-mt-1w' : 'fr-sr-only'} role="status">
      {message}
    </p>
  );
}

function DepositView({ activity, headingLevel }: ActivityViewProps) {
  const { t } = useTranslation();
  const query = useDepositSpace(activity.id);
  const instructions = str(activity.settings.instructions);
  const Sub = below(headingLevel);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const { mine, entries, may } = query.data;
  const separate = activity.settings.groupMode === 'separate';
  return (
    <>
      {instructions ? <RichText html={instructions} className="fr-mb-3w" /> : null}
      {may.submit ? (
        <MyDeposit
          activityId={activity.id}
          entry={mine}
          headingLevel={headingLevel}
          maxFiles={Number(activity.settings.maxFiles ?? 5)}
          maxFileMb={Number(activity.settings.maxFileMb ?? 20)}
          canComment={may.comment}
        />
      ) : null}
      <section className="fr-mt-4w" aria-labelledby="depots-titre">
        <Sub id="depots-titre">{t('ui.activities.deposit.others')}</Sub>
        <p className="fr-text--sm mg-muted">
          {may.moderate
            ? t('ui.activities.deposit.countAll', { count: entries.length + (mine ? 1 : 0) })
            : separate
              ? t('ui.activities.deposit.separateHint')
              : t('ui.activities.deposit.allHint')}
        </p>
        {may.moderate ? (
          // A plain link: the zip is a download, not a page of the app.
          <a
            className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line fr-mb-3w"
            href={depositZipUrl(activity.id)}
            download
          >
            {t('ui.activities.deposit.downloadAll')}
          </a>
        ) : null}
        {entries.length === 0 ? (
          <EmptyState message={t('ui.activities.deposit.noneOthers')} />
        ) : (
          <ul className="mg-deposits fr-raw-list">
            {entries.map((entry) => (
              <li key={entry.id} className="fr-mb-3w">
                <EntryCard
                  activityId={activity.id}
                  entry={entry}
                  headingLevel={below(Sub)}
                  canComment={may.comment}
                  moderate={may.moderate}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** One's own deposit: its description, its files, and withdrawing it. */
function MyDeposit({
  activityId,
  entry,
  headingLevel,
  maxFiles,
  maxFileMb,
  canComment,
}: {
  activityId: string;
  entry: DepositEntry | null;
  headingLevel: 'h2' | 'h3';
  maxFiles: number;
  maxFileMb: number;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const uploadMessage = useUploadMessage();
  const problemMessage = useProblemMessage();
  const [description, setDescription] = useState(entry?.description ?? '');
  const [error, setError] = useState<unknown>();
  const [uploadError, setUploadError] = useState<string>();
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: depositKeys.space(activityId) });
  const form = 'mon-depot';
  const Sub = below(headingLevel);
  const files = entry?.files ?? [];

  async function save(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      await saveDeposit(activityId, description, entry?.version);
      await refresh();
      setStatus(t('ui.activities.deposit.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  async function send(input: HTMLInputElement) {
    const chosen = [...(input.files ?? [])];
    if (chosen.length === 0) return;
    setPending(true);
    setUploadError(undefined);
    setStatus(t('ui.activities.upload.pending'));
    try {
      await addDepositFiles(activityId, chosen);
      await refresh();
      setStatus(t('ui.activities.deposit.filesAdded', { count: chosen.length }));
    } catch (e) {
      setUploadError(uploadMessage(e));
      setStatus('');
    } finally {
      setPending(false);
      input.value = '';
    }
  }

  async function remove(fileId: string, name: string) {
    setUploadError(undefined);
    try {
      await removeDepositFile(activityId, fileId);
      await refresh();
      setStatus(t('ui.activities.deposit.fileRemoved', { name }));
    } catch (e) {
      setUploadError(problemMessage(e));
    }
  }

  async function withdraw() {
    if (!entry) return;
    setError(undefined);
    try {
      await withdrawDeposit(activityId, entry.version);
      setDescription('');
      await refresh();
      setStatus(t('ui.activities.deposit.withdrawn'));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section aria-labelledby="mon-depot-titre" className="fr-mb-4w">
      <Sub id="mon-depot-titre">{t('ui.activities.deposit.mine')}</Sub>
      {entry ? (
        <p className="fr-text--sm">
          {t('ui.activities.deposit.depositedOn', { date: formatDateTime(entry.updatedAt) })}
          {entry.hidden ? (
            <Badge severity="warning" small className="fr-ml-1w">
              {t('ui.activities.deposit.hiddenBadge')}
            </Badge>
          ) : null}
        </p>
      ) : (
        <p className="fr-text--sm">{t('ui.activities.deposit.notYet')}</p>
      )}
      <form id={form} onSubmit={(event) => void save(event)} noValidate>
        {error ? <ProblemAlert error={error} className="fr-mb-2w" /> : null}
        <RichTextEditor
          // A new editor when the deposit is made or withdrawn elsewhere: it shows what is stored.
          key={entry?.id ?? 'nouveau'}
          id={fieldId(form, 'description')}
          label={t('ui.activities.deposit.description')}
          hint={t('ui.activities.deposit.descriptionHint')}
          defaultValue={entry?.description ?? ''}
          onChange={setDescription}
        />
        <Button type="submit" disabled={pending} iconId="fr-icon-save-line" className="fr-mt-2w">
          {entry ? t('ui.activities.deposit.save') : t('ui.activities.deposit.submit')}
        </Button>
      </form>

      <div className="fr-mt-3w">
        {files.length > 0 ? (
          <ul className="fr-mb-2w">
            {files.map((f) => (
              <li key={f.id} className="fr-mb-1w">
                <DownloadLink href={depositFileUrl(activityId, f.id)} label={f.filename} info={f} />{' '}
                <Button
                  type="button"
                  size="small"
                  priority="tertiary no outline"
                  iconId="fr-icon-delete-line"
                  nativeButtonProps={{
                    'aria-label': t('ui.activities.deposit.removeFile', { name: f.filename }),
                  }}
                  onClick={() => void remove(f.id, f.filename)}
                >
                  {t('ui.activities.deposit.removeFileShort')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        {files.length < maxFiles ? (
          <Upload
            label={t('ui.activities.deposit.addFiles')}
            hint={t('ui.activities.deposit.filesHint', {
              count: maxFiles - files.length,
              size: maxFileMb,
            })}
            multiple
            disabled={pending}
            state={uploadError ? 'error' : 'default'}
            stateRelatedMessage={uploadError}
            nativeInputProps={{ id: 'depot-fichiers', onChange: (event) => void send(event.currentTarget) }}
          />
        ) : (
          <p className="fr-text--sm">{t('ui.activities.deposit.filesFull', { count: maxFiles })}</p>
        )}
      </div>
      <Status message={status} />

      {entry ? (
        <>
          {entry.comments.length > 0 ? (
            <Comments
              activityId={activityId}
              entry={entry}
              headingLevel={below(Sub)}
              canComment={canComment}
              moderate={false}
            />
          ) : null}
          <Button
            type="button"
            priority="tertiary"
            iconId="fr-icon-delete-line"
            className="fr-mt-2w"
            nativeButtonProps={withdrawModal.buttonProps}
          >
            {t('ui.activities.deposit.withdraw')}
          </Button>
          <ConfirmModal
            modal={withdrawModal}
            title={t('ui.activities.deposit.withdrawTitle')}
            confirmLabel={t('ui.activities.deposit.withdraw')}
            confirmIcon="fr-icon-delete-line"
            onConfirm={() => void withdraw()}
          >
            <p>{t('ui.activities.deposit.withdrawText')}</p>
          </ConfirmModal>
        </>
      ) : null}
    </section>
  );
}

/** Another person's deposit: her description, files and comments, and the trainer's actions. */
function EntryCard({
  activityId,
  entry,
  headingLevel,
  canComment,
  moderate,
}: {
  activityId: string;
  entry: DepositEntry;
  headingLevel: Heading;
  canComment: boolean;
  moderate: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const [confirming, setConfirming] = useState(false);
  const H = headingLevel;
  const refresh = () => queryClient.invalidateQueries({ queryKey: depositKeys.space(activityId) });

  async function act(action: () => Promise<unknown>) {
    setError(undefined);
    try {
      await action();
      await refresh();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <article className="mg-deposit fr-p-2w" aria-labelledby={`depot-${entry.id}`}>
      <H id={`depot-${entry.id}`} className="fr-h6 fr-mb-1v">
        {entry.author.name}
      </H>
      <p className="fr-text--xs mg-muted fr-mb-1w">
        {t('ui.activities.deposit.depositedOn', { date: formatDateTime(entry.updatedAt) })}
        {entry.hidden ? (
          <Badge severity="warning" small className="fr-ml-1w">
            {t('ui.activities.deposit.hiddenBadge')}
          </Badge>
        ) : null}
      </p>
      {error ? <ProblemAlert error={error} className="fr-mb-2w" /> : null}
      <RichText html={entry.description} />
      {entry.files.length > 0 ? (
        <ul className="fr-mt-1w">
          {entry.files.map((f) => (
            <li key={f.id} className="fr-mb-1w">
              <DownloadLink
                href={depositFileUrl(activityId, f.id)}
                label={t('ui.activities.deposit.downloadOf', { name: f.filename, author: entry.author.name })}
                info={f}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {moderate ? (
        <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left fr-mt-1w">
          <li>
            <Button
              type="button"
              priority="secondary"
              iconId={entry.hidden ? 'fr-icon-eye-line' : 'fr-icon-eye-off-line'}
              nativeButtonProps={{
                'aria-label': t(
                  entry.hidden ? 'ui.activities.deposit.showOf' : 'ui.activities.deposit.hideOf',
                  {
                    author: entry.author.name,
                  },
                ),
              }}
              onClick={() => void act(() => moderateDeposit(activityId, entry.id, !entry.hidden))}
            >
              {entry.hidden ? t('ui.activities.deposit.show') : t('ui.activities.deposit.hide')}
            </Button>
          </li>
          <li>
            {confirming ? (
              <Button
                type="button"
                priority="primary"
                iconId="fr-icon-delete-line"
                onClick={() => void act(() => deleteDeposit(activityId, entry.id))}
              >
                {t('ui.activities.deposit.confirmDelete', { author: entry.author.name })}
              </Button>
            ) : (
              <Button
                type="button"
                priority="tertiary"
                iconId="fr-icon-delete-line"
                nativeButtonProps={{
                  'aria-label': t('ui.activities.deposit.deleteOf', { author: entry.author.name }),
                }}
                onClick={() => setConfirming(true)}
              >
                {t('ui.activities.deposit.delete')}
              </Button>
            )}
          </li>
        </ul>
      ) : null}
      <Comments
        activityId={activityId}
        entry={entry}
        headingLevel={headingLevel === 'h4' ? 'h5' : 'h4'}
        canComment={canComment}
        moderate={moderate}
      />
    </article>
  );
}

function Comments({
  activityId,
  entry,
  headingLevel,
  canComment,
  moderate,
}: {
  activityId: string;
  entry: DepositEntry;
  headingLevel: Heading | 'h5';
  canComment: boolean;
  moderate: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const problemMessage = useProblemMessage();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState(false);
  const H = headingLevel;
  const form = `commentaire-${entry.id}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: depositKeys.space(activityId) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('ui.activities.deposit.commentRequired'));
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await commentDeposit(activityId, entry.id, textToHtml(text));
      setText('');
      await refresh();
      setStatus(t('ui.activities.deposit.commented'));
    } catch (e) {
      setError(problemMessage(e));
    } finally {
      setPending(false);
    }
  }

  async function act(action: () => Promise<unknown>) {
    setError(undefined);
    try {
      await action();
      await refresh();
    } catch (e) {
      setError(problemMessage(e));
    }
  }

  const comments = entry.comments;
  if (comments.length === 0 && !canComment) return null;
  return (
    <div className="fr-mt-2w">
      <H className="fr-text--md fr-mb-1w">
        {t('ui.activities.deposit.comments', { count: comments.length })}
      </H>
      {comments.length > 0 ? (
        <ul className="fr-raw-list">
          {comments.map((c: DepositComment) => (
            <li key={c.id} className="mg-deposit__comment fr-mb-2w">
              <p className="fr-text--xs mg-muted fr-mb-0">
                {t('ui.activities.deposit.commentBy', {
                  author: c.author.name,
                  date: formatDateTime(c.createdAt),
                })}
                {c.hidden ? (
                  <Badge severity="warning" small className="fr-ml-1w">
                    {t('ui.activities.deposit.hiddenBadge')}
                  </Badge>
                ) : null}
              </p>
              <RichText html={c.body} />
              {moderate || c.mine ? (
                <div className="fr-mt-1v">
                  {moderate ? (
                    <Button
                      type="button"
                      size="small"
                      priority="tertiary no outline"
                      iconId={c.hidden ? 'fr-icon-eye-line' : 'fr-icon-eye-off-line'}
                      nativeButtonProps={{
                        'aria-label': t(
                          c.hidden
                            ? 'ui.activities.deposit.showCommentOf'
                            : 'ui.activities.deposit.hideCommentOf',
                          { author: c.author.name },
                        ),
                      }}
                      onClick={() => void act(() => moderateComment(activityId, c.id, !c.hidden))}
                    >
                      {c.hidden ? t('ui.activities.deposit.show') : t('ui.activities.deposit.hide')}
                    </Button>
                  ) : null}
                  <Button
                    type="button"
                    size="small"
                    priority="tertiary no outline"
                    iconId="fr-icon-delete-line"
                    nativeButtonProps={{
                      'aria-label': t('ui.activities.deposit.deleteCommentOf', { author: c.author.name }),
                    }}
                    onClick={() => void act(() => deleteComment(activityId, c.id))}
                  >
                    {t('ui.activities.deposit.delete')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canComment ? (
        <form id={form} onSubmit={(event) => void submit(event)} noValidate>
          <TextAreaField
            form={form}
            name="body"
            errors={error ? { body: error } : {}}
            label={t('ui.activities.deposit.commentLabel', { author: entry.author.name })}
            rows={2}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <Button
            type="submit"
            size="small"
            priority="secondary"
            disabled={pending}
            iconId="fr-icon-chat-3-line"
          >
            {t('ui.activities.deposit.comment')}
          </Button>
          <Status message={status} />
        </form>
      ) : null}
    </div>
  );
}

function DepositEditor({ form, settings, onChange, errors }: ActivityEditorProps) {
  const { t } = useTranslation();
  const mode = settings.groupMode === 'separate' ? 'separate' : 'all';
  const num = (value: string) => (value === '' ? undefined : Number(value));
  return (
    <>
      <RichTextEditor
        id={fieldId(form, 'settings.instructions')}
        label={t('ui.activities.deposit.instructions')}
        hint={t('ui.activities.deposit.instructionsHint')}
        defaultValue={str(settings.instructions)}
        error={errors['settings.instructions']}
        onChange={(instructions) => onChange({ ...settings, instructions })}
      />
      <RadioButtons
        legend={t('ui.activities.deposit.groupMode')}
        name="depot-groupes"
        state={errors['settings.groupMode'] ? 'error' : 'default'}
        stateRelatedMessage={errors['settings.groupMode']}
        options={DEPOSIT_GROUP_MODES.map((value) => ({
          label: t(`ui.activities.deposit.groupModes.${value}`),
          hintText: t(`ui.activities.deposit.groupModeHints.${value}`),
          nativeInputProps: {
            value,
            checked: mode === value,
            onChange: () => onChange({ ...settings, groupMode: value }),
          },
        }))}
      />
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-2w">
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            form={form}
            name="settings.maxFiles"
            errors={errors}
            label={t('ui.activities.deposit.maxFiles')}
            hint={t('ui.activities.deposit.maxFilesHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={settings.maxFiles === undefined ? '' : String(settings.maxFiles)}
            onChange={(event) => onChange({ ...settings, maxFiles: num(event.target.value) })}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <TextField
            form={form}
            name="settings.maxFileMb"
            errors={errors}
            label={t('ui.activities.deposit.maxFileMb')}
            hint={t('ui.activities.deposit.maxFileMbHint')}
            type="number"
            inputMode="numeric"
            min={1}
            value={settings.maxFileMb === undefined ? '' : String(settings.maxFileMb)}
            onChange={(event) => onChange({ ...settings, maxFileMb: num(event.target.value) })}
          />
        </div>
      </div>
      <Checkbox
        className="fr-mb-4w"
        options={[
          {
            label: t('ui.activities.deposit.allowComments'),
            nativeInputProps: {
              checked: settings.comments !== false,
              onChange: (event) => onChange({ ...settings, comments: event.target.checked }),
            },
          },
        ]}
      />
    </>
  );
}

export const deposit: ActivityKindUi = {
  icon: 'fr-icon-upload-2-line',
  View: DepositView,
  Editor: DepositEditor,
  defaults: () => ({ instructions: '', groupMode: 'all', maxFiles: 5, maxFileMb: 20, comments: true }),
};
