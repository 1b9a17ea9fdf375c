/** File: one document to download, or to open in the browser when it is a PDF or an image. */
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Upload } from '@codegouvfr/react-dsfr/Upload.js';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { FileInfo } from '../../../../shared/api.ts';
import { ApiError, api } from '../../../api/client.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { fieldId, fieldState, invalidProps } from '../../../components/forms.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { type ActivityEditorProps, type ActivityKindUi, type ActivityViewProps, str } from '../types.ts';
import { fileDetail, fileFormat, formatSize, useUpload } from './upload.ts';

const fileKey = (id: string) => ['activities', id, 'file'] as const;

/** The activity's file, or `null` when none has been uploaded yet. */
function useFileInfo(id: string) {
  return useQuery({
    queryKey: fileKey(id),
    queryFn: async () => {
      try {
        return await api.get<FileInfo>(`/api/activities/${id}/file/info`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

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
  const query = useFileInfo(activity.id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const info = query.data;
  if (!info) return <EmptyState message={t('ui.activities.file.none')} />;
  const name = str(activity.settings.displayName) || info.filename;
  const href = `/api/activities/${activity.id}/file`;
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

/** Replaces the activity's file; shown once the activity exists. */
function FileUploader({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { upload, message } = useUpload();
  const query = useFileInfo(activityId);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, setPending] = useState(false);

  async function send(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setPending(true);
    setError(undefined);
    setDone(undefined);
    try {
      const info = await upload<FileInfo>('PUT', `/api/activities/${activityId}/file`, [file]);
      queryClient.setQueryData(fileKey(activityId), info);
      setDone(t('ui.activities.file.uploaded', { name: info.filename }));
    } catch (e) {
      setError(message(e));
    } finally {
      setPending(false);
      input.value = '';
    }
  }

  const info = query.data;
  return (
    <div className="fr-mb-3w">
      {info ? (
        <p className="fr-mb-1w">
          {t('ui.activities.file.current')}{' '}
          <DownloadLink href={`/api/activities/${activityId}/file`} label={info.filename} info={info} />
        </p>
      ) : query.isSuccess ? (
        <p className="fr-mb-1w">{t('ui.activities.file.none')}</p>
      ) : null}
      <Upload
        label={info ? t('ui.activities.file.replace') : t('ui.activities.file.choose')}
        hint={t('ui.activities.file.hint')}
        disabled={pending}
        state={error ? 'error' : done ? 'success' : 'default'}
        stateRelatedMessage={error ?? done}
        nativeInputProps={{
          id: 'activite-settings.file',
          onChange: (event) => void send(event.currentTarget),
        }}
      />
      <p className="fr-sr-only" role="status">
        {pending ? t('ui.activities.upload.pending') : (done ?? '')}
      </p>
    </div>
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
  const { upload } = useUpload();
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
          send={(id, files) => upload('PUT', `/api/activities/${id}/file`, files.slice(0, 1))}
        />
      )}
      <Input
        label={t('ui.activities.file.displayName')}
        hintText={t('ui.activities.file.displayNameHint')}
        {...fieldState(errors, 'settings.displayName')}
        nativeInputProps={{
          id: fieldId(form, 'settings.displayName'),
          autoComplete: 'off',
          value: str(settings.displayName),
          onChange: (event) => {
            const value = event.target.value;
            const { displayName: _, ...rest } = settings;
            onChange(value.trim() ? { ...rest, displayName: value } : rest);
          },
          ...invalidProps(errors, 'settings.displayName'),
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
