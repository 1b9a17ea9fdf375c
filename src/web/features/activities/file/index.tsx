import { Upload } from '@codegouvfr/react-dsfr/Upload.js';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  activityFileKeys,
  activityFileUrl,
  type FileInfo,
  uploadActivityFile,
  useActivityFile,
} from '../../../api/activities.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { TextField } from '../../../components/fields.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useUploadMessage } from '../../../components/upload.ts';
import { type ActivityEditorProps, type ActivityKindUi, type ActivityViewProps, str } from '../types.ts';
import { fileDetail, fileFormat, formatSize } from './format.ts';

/** Opened in the browser rather than downloaded: what browsers show by themselves. */
const viewable = (mime: string) => mime === 'application/pdf' || mime.startsWith('image/');

/** A DSFR download link: the name, then the format and size. */
export function DownloadLink({ href, label, info }: { href: string; label: string; info: FileInfo }) {
  const { i18n } = useTranslation();
  return (
    <a className="fr-link fr-link--download" href={href} download={info.filename}>
      {label}
      <span className="fr-link__detail">
        {fileFormat(info.filename, info.mime)} – {formatSize(info.size, i18n.language)}
      </span>
    </a>
  );
}

function FileView({ activity }: ActivityViewProps) {
  const { t } = useTranslation();
  const query = useActivityFile(activity.id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const info = query.data;
  if (!info) return <EmptyState message={t('ui.activities.file.none')} />;
  const name = str(activity.settings.displayName) || info.filename;
  const href = activityFileUrl(activity.id);
  return (
    <>
      <p className="fr-mb-2w">
        <DownloadLink href={href} label={t('ui.activities.file.download', { name })} info={info} />
      </p>
      {viewable(info.mime) ? (
        <p>
          <a
            className="fr-link"
            href={`${href}?inline=1`}
            target="_blank"
            rel="noopener"
            title={t('ui.activities.file.openNewWindow', { name })}
          >
            {t('ui.activities.file.open', { name })}
          </a>
        </p>
      ) : null}
    </>
  );
}

/**
 * A file field that sends the file as soon as it is chosen, replacing the one the activity had (its file,
 * its video); shown once the activity exists. `children`: what stands above the field.
 */
export function ReplaceFile({
  id,
  label,
  hint,
  accept,
  send,
  children,
}: {
  id: string;
  label: string;
  hint: string;
  accept?: string;
  send: (file: File) => Promise<FileInfo>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const message = useUploadMessage();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, setPending] = useState(false);

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setPending(true);
    setError(undefined);
    setDone(undefined);
    try {
      const info = await send(file);
      setDone(t('ui.activities.file.uploaded', { name: info.filename }));
    } catch (e) {
      setError(message(e));
    } finally {
      setPending(false);
      input.value = '';
    }
  }

  return (
    <div className="fr-mb-3w">
      {children}
      <Upload
        label={label}
        hint={hint}
        disabled={pending}
        state={error ? 'error' : done ? 'success' : 'default'}
        stateRelatedMessage={error ?? done}
        nativeInputProps={{
          id,
          ...(accept ? { accept } : {}),
          onChange: (event) => void choose(event.currentTarget),
        }}
      />
      <p className="fr-sr-only" role="status">
        {pending ? t('ui.activities.upload.pending') : (done ?? '')}
      </p>
    </div>
  );
}

/** Replaces the activity's file, below the current one. */
function FileUploader({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useActivityFile(activityId);
  const info = query.data;
  return (
    <ReplaceFile
      id="activite-settings.file"
      label={info ? t('ui.activities.file.replace') : t('ui.activities.file.choose')}
      hint={t('ui.activities.file.hint')}
      send={async (file) => {
        const uploaded = await uploadActivityFile(activityId, file);
        queryClient.setQueryData(activityFileKeys.file(activityId), uploaded);
        return uploaded;
      }}
    >
      {info ? (
        <p className="fr-mb-1w">
          {t('ui.activities.file.current')}{' '}
          <DownloadLink href={activityFileUrl(activityId)} label={info.filename} info={info} />
        </p>
      ) : query.isSuccess ? (
        <p className="fr-mb-1w">{t('ui.activities.file.none')}</p>
      ) : null}
    </ReplaceFile>
  );
}

/**
 * On the creation page: the files are chosen with the rest of the form and sent as soon as the activity
 * is created (they belong to it), by the same "Créer" (see `onPendingUpload`).
 */
export function PendingFiles({
  id,
  label,
  hint,
  multiple = false,
  accept,
  onPendingUpload,
  send,
}: {
  id: string;
  label: string;
  hint: string;
  multiple?: boolean;
  accept?: string;
  onPendingUpload: ActivityEditorProps['onPendingUpload'];
  send: (activityId: string, files: File[]) => Promise<unknown>;
}) {
  return (
    <div className="fr-mb-3w">
      <Upload
        label={label}
        hint={hint}
        multiple={multiple}
        nativeInputProps={{
          id,
          ...(accept ? { accept } : {}),
          onChange: (event) => {
            const files = [...(event.currentTarget.files ?? [])];
            onPendingUpload?.(
              files.length
                ? async (activityId) => {
                    await send(activityId, files);
                  }
                : null,
            );
          },
        }}
      />
    </div>
  );
}

function FileEditor({ form, settings, onChange, errors, onPendingUpload }: ActivityEditorProps) {
  const { t } = useTranslation();
  const { activityId } = useParams();
  return (
    <>
      {activityId ? (
        <FileUploader activityId={activityId} />
      ) : (
        <PendingFiles
          id="activite-settings.file"
          label={t('ui.activities.file.choose')}
          hint={t('ui.activities.file.hintNew')}
          onPendingUpload={onPendingUpload}
          send={(id, files) => uploadActivityFile(id, files[0]!)}
        />
      )}
      <TextField
        form={form}
        name="settings.displayName"
        errors={errors}
        label={t('ui.activities.file.displayName')}
        hint={t('ui.activities.file.displayNameHint')}
        autoComplete="off"
        value={str(settings.displayName)}
        onChange={(event) => {
          const value = event.target.value;
          const { displayName: _, ...rest } = settings;
          onChange(value.trim() ? { ...rest, displayName: value } : rest);
        }}
      />
    </>
  );
}

export const file: ActivityKindUi = {
  icon: 'fr-icon-file-download-line',
  View: FileView,
  Editor: FileEditor,
  defaults: () => ({}),
  detail: (summary, { language }) => fileDetail(summary.file, language),
};
