/**
 * The course's thumbnail on its settings page: a preview of the current one, a DSFR upload field that
 * sends the chosen image at once (adding or replacing it), and a button to remove it.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { createModal } from '@codegouvfr/react-dsfr/Modal/index.js';
import { Upload } from '@codegouvfr/react-dsfr/Upload.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type Course, refreshCourse, removeCourseThumbnail, setCourseThumbnail } from '../../api/courses.ts';
import { ConfirmModal } from '../../components/dialogs.tsx';
import { useUploadMessage } from '../../components/upload.ts';

const FIELD_ID = 'vignette-parcours';
const removeModal = createModal({ id: 'modale-suppression-vignette', isOpenedByDefault: false });

export function ThumbnailSection({ course }: { course: Course }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useUploadMessage();
  const [url, setUrl] = useState(course.thumbnailUrl);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<string | null>, success: string) {
    setPending(true);
    setError(undefined);
    setDone(undefined);
    try {
      setUrl(await action());
      setDone(success);
      await refreshCourse(queryClient, course.id);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 413 ? t('ui.courses.thumbnail.tooLarge') : message(e));
    } finally {
      setPending(false);
    }
  }

  async function send(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    await run(async () => {
      try {
        return (await setCourseThumbnail(course.id, file)).thumbnailUrl;
      } finally {
        input.value = '';
      }
    }, t('ui.courses.thumbnail.uploaded'));
  }

  async function remove() {
    await run(async () => {
      await removeCourseThumbnail(course.id);
      document.getElementById(FIELD_ID)?.focus();
      return null;
    }, t('ui.courses.thumbnail.removed'));
  }

  return (
    <section className="fr-mt-6w fr-p-3w mg-panel" aria-labelledby="vignette-titre">
      <h2 id="vignette-titre" className="fr-h4">
        {t('ui.courses.thumbnail.title')}
      </h2>
      <p>{t('ui.courses.thumbnail.intro')}</p>
      {url ? (
        <figure className="fr-mb-3w mg-thumbnail-preview">
          {/* Decorative: the caption says what it is. */}
          <img src={url} alt="" />
          <figcaption className="fr-text--sm mg-muted fr-mt-1w">
            {t('ui.courses.thumbnail.current')}
          </figcaption>
        </figure>
      ) : (
        <p className="fr-text--sm mg-muted">{t('ui.courses.thumbnail.none')}</p>
      )}
      <Upload
        label={url ? t('ui.courses.thumbnail.replace') : t('ui.courses.thumbnail.choose')}
        hint={t('ui.courses.thumbnail.hint')}
        disabled={pending}
        state={error ? 'error' : done ? 'success' : 'default'}
        stateRelatedMessage={error ?? done}
        nativeInputProps={{
          id: FIELD_ID,
          accept: 'image/jpeg,image/png,image/webp',
          onChange: (event) => void send(event.currentTarget),
          ...(error ? { 'aria-invalid': true } : {}),
        }}
      />
      {url ? (
        <Button
          className="fr-mt-2w"
          type="button"
          priority="tertiary"
          iconId="fr-icon-delete-line"
          disabled={pending}
          nativeButtonProps={removeModal.buttonProps}
        >
          {t('ui.courses.thumbnail.remove')}
        </Button>
      ) : null}
      <p className="fr-sr-only" role="status">
        {pending ? t('ui.courses.thumbnail.pending') : (error ?? done ?? '')}
      </p>
      <ConfirmModal
        modal={removeModal}
        title={t('ui.courses.thumbnail.removeTitle')}
        confirmLabel={t('ui.courses.thumbnail.removeConfirm')}
        confirmIcon="fr-icon-delete-line"
        onConfirm={() => void remove()}
      >
        {t('ui.courses.thumbnail.removeText')}
      </ConfirmModal>
    </section>
  );
}
