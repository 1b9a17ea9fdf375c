/** Folder: several files, each to download, or all at once as a zip. */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Upload } from '@codegouvfr/react-dsfr/Upload.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  activityFileKeys,
  addFolderFiles,
  type FolderFile,
  folderFileUrl,
  folderZipUrl,
  removeFolderFile,
  useFolder,
} from '../../../api/activities.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useUploadMessage } from '../../../components/upload.ts';
import { DownloadLink, PendingFiles } from '../file/index.tsx';
import type { ActivityEditorProps, ActivityKindUi, ActivityViewProps } from '../types.ts';

function FolderView({ activity }: ActivityViewProps) {
  const { t } = useTranslation();
  const query = useFolder(activity.id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const files = query.data;
  if (files.length === 0) return <EmptyState message={t('ui.activities.folder.empty')} />;
  return (
    <>
      <p className="fr-text--sm mg-muted">{t('ui.activities.folder.count', { count: files.length })}</p>
      <ul className="fr-mb-3w">
        {files.map((f) => (
          <li key={f.id} className="fr-mb-1w">
            <DownloadLink
              href={folderFileUrl(activity.id, f.id)}
              label={t('ui.activities.folder.download', { name: f.filename })}
              info={f}
            />
          </li>
        ))}
      </ul>
      {/* A plain link: the zip is a download, not a page of the app. */}
      <a
        className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line"
        href={folderZipUrl(activity.id)}
        download
      >
        {t('ui.activities.folder.downloadAll')}
      </a>
    </>
  );
}

/** Adds and removes the folder's files; shown once the activity exists. */
function FolderFiles({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useUploadMessage();
  const query = useFolder(activityId);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState(false);

  async function send(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setPending(true);
    setError(undefined);
    setStatus(t('ui.activities.upload.pending'));
    try {
      const added = await addFolderFiles(activityId, files);
      await queryClient.invalidateQueries({ queryKey: activityFileKeys.folder(activityId) });
      setStatus(t('ui.activities.folder.added', { count: added.length }));
    } catch (e) {
      setError(message(e));
      setStatus('');
    } finally {
      setPending(false);
      input.value = '';
    }
  }

  async function remove(f: FolderFile) {
    setError(undefined);
    try {
      await removeFolderFile(activityId, f.id);
      await queryClient.invalidateQueries({ queryKey: activityFileKeys.folder(activityId) });
      setStatus(t('ui.activities.folder.removed', { name: f.filename }));
    } catch (e) {
      setError(message(e));
    }
  }

  const files = query.data ?? [];
  return (
    <div className="fr-mb-3w">
      {query.isError ? <ProblemAlert error={query.error} /> : null}
      {query.isSuccess && files.length === 0 ? <p>{t('ui.activities.folder.empty')}</p> : null}
      {files.length > 0 ? (
        <ul className="fr-mb-2w">
          {files.map((f) => (
            <li key={f.id} className="fr-mb-1w">
              <DownloadLink href={folderFileUrl(activityId, f.id)} label={f.filename} info={f} />{' '}
              <Button
                type="button"
                size="small"
                priority="tertiary no outline"
                iconId="fr-icon-delete-line"
                nativeButtonProps={{ 'aria-label': t('ui.activities.folder.remove', { name: f.filename }) }}
                onClick={() => void remove(f)}
              >
                {t('ui.activities.folder.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <Upload
        label={t('ui.activities.folder.add')}
        hint={t('ui.activities.folder.hint')}
        multiple
        disabled={pending}
        state={error ? 'error' : 'default'}
        stateRelatedMessage={error}
        nativeInputProps={{
          id: 'activite-settings.files',
          onChange: (event) => void send(event.currentTarget),
        }}
      />
      <p className={status ? 'fr-message fr-message--info fr-mt-1w' : 'fr-sr-only'} role="status">
        {status}
      </p>
    </div>
  );
}

function FolderEditor({ onPendingUpload }: ActivityEditorProps) {
  const { t } = useTranslation();
  const { activityId } = useParams();
  return activityId ? (
    <FolderFiles activityId={activityId} />
  ) : (
    <PendingFiles
      id="activite-settings.files"
      label={t('ui.activities.folder.add')}
      hint={t('ui.activities.folder.hintNew')}
      multiple
      onPendingUpload={onPendingUpload}
      send={addFolderFiles}
    />
  );
}

export const folder: ActivityKindUi = {
  icon: 'fr-icon-folder-2-line',
  View: FolderView,
  Editor: FolderEditor,
  defaults: () => ({}),
  detail: (summary, { t }) =>
    typeof summary.count === 'number' ? t('ui.activities.folder.count', { count: summary.count }) : undefined,
};
