import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons.js';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { activityVideoUrl, uploadActivityVideo } from '../../../api/activities.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { TextField } from '../../../components/fields.tsx';
import { fileDetail } from '../file/format.ts';
import { PendingFiles, ReplaceFile } from '../file/index.tsx';
import {
  type ActivityEditorProps,
  type ActivityKindUi,
  type ActivityViewProps,
  siteOf,
  str,
} from '../types.ts';

/** The formats of an uploaded video: those every browser plays. */
const VIDEO_TYPES = 'video/mp4,video/webm';

function VideoView({ activity }: ActivityViewProps) {
  const { t } = useTranslation();
  const { settings } = activity;
  if (settings.source === 'upload') {
    const src = activityVideoUrl(activity.id);
    return (
      <>
        {/* biome-ignore lint/a11y/useMediaCaption: captions are not uploaded yet; the file can be downloaded. */}
        <video className="mg-video" controls preload="metadata" src={src} style={{ width: '100%' }}>
          <a href={src} download>
            {t('ui.activities.video.download', { title: activity.title })}
          </a>
        </video>
        <p className="fr-mt-2w">
          <a className="fr-link fr-link--download" href={src} download>
            {t('ui.activities.video.download', { title: activity.title })}
          </a>
        </p>
      </>
    );
  }
  const embedUrl = str(settings.embedUrl);
  const url = str(settings.url);
  if (!embedUrl) return <EmptyState message={t('ui.activities.view.empty')} />;
  return (
    <>
      <div className="fr-responsive-vid">
        <iframe
          className="fr-responsive-vid__player"
          title={t('ui.activities.video.player', { title: activity.title })}
          src={embedUrl}
          allow="fullscreen"
          allowFullScreen
          sandbox="allow-scripts allow-same-origin allow-popups"
          loading="lazy"
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
      {url ? (
        <p className="fr-mt-2w">
          <a
            className="fr-link"
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            title={t('ui.activities.video.sourceNewWindow', { title: activity.title })}
          >
            {t('ui.activities.video.source', { title: activity.title })}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** Replaces the uploaded video; shown once the activity exists. */
function VideoUploader({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  return (
    <ReplaceFile
      id="activite-settings.video"
      label={t('ui.activities.video.file')}
      hint={t('ui.activities.video.fileHint')}
      accept={VIDEO_TYPES}
      send={(file) => uploadActivityVideo(activityId, file)}
    />
  );
}

function VideoEditor({ form, settings, onChange, errors, onPendingUpload }: ActivityEditorProps) {
  const { t } = useTranslation();
  const { activityId } = useParams();
  const source = settings.source === 'upload' ? 'upload' : 'embed';
  // The upload needs the activity’s id: on the creation page, it comes after saving.
  const savedUpload = activityId !== undefined && source === 'upload';
  return (
    <>
      <RadioButtons
        legend={t('ui.activities.video.sourceLegend')}
        name="video-source"
        state={errors['settings.source'] ? 'error' : 'default'}
        stateRelatedMessage={errors['settings.source']}
        options={[
          {
            label: t('ui.activities.video.embed'),
            hintText: t('ui.activities.video.embedHint'),
            nativeInputProps: {
              value: 'embed',
              checked: source === 'embed',
              onChange: () => {
                // A video file chosen before switching back to an address is not sent.
                onPendingUpload?.(null);
                onChange({ source: 'embed', url: str(settings.url) });
              },
            },
          },
          {
            label: t('ui.activities.video.upload'),
            hintText: t('ui.activities.video.uploadHint'),
            nativeInputProps: {
              value: 'upload',
              checked: source === 'upload',
              onChange: () => onChange({ source: 'upload' }),
            },
          },
        ]}
      />
      {source === 'embed' ? (
        <TextField
          form={form}
          name="settings.url"
          errors={errors}
          label={t('ui.activities.video.url')}
          hint={t('ui.activities.video.urlHint')}
          type="url"
          required
          spellCheck={false}
          autoComplete="off"
          value={str(settings.url)}
          onChange={(event) => onChange({ source: 'embed', url: event.target.value.trim() })}
        />
      ) : savedUpload ? (
        <VideoUploader activityId={activityId} />
      ) : (
        <PendingFiles
          id="activite-settings.video"
          label={t('ui.activities.video.file')}
          hint={t('ui.activities.video.fileHintNew')}
          accept={VIDEO_TYPES}
          onPendingUpload={onPendingUpload}
          send={(id, files) => uploadActivityVideo(id, files[0]!)}
        />
      )}
    </>
  );
}

export const video: ActivityKindUi = {
  icon: 'fr-icon-film-line',
  View: VideoView,
  Editor: VideoEditor,
  defaults: () => ({ source: 'embed', url: '' }),
  detail: (summary, { language }) =>
    summary.source === 'upload' ? fileDetail(summary.file, language) : siteOf(summary.url),
};
