/**
 * The participant preview: an editor sees the course page and its activities as a participant would
 * (hidden and not-yet-open items left out, no editing), through `?apercu=participant` on the course page
 * and on the activity pages it links to. The server answers it with `?view=participant`, which only ever
 * takes rights away.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export const PREVIEW_PARAM = 'apercu=participant';
/** Added to the links of the preview, so that it stays on from page to page. */
export const PREVIEW_SUFFIX = `?${PREVIEW_PARAM}`;

export function useParticipantPreview(): boolean {
  const [params] = useSearchParams();
  return params.get('apercu') === 'participant';
}

/** Says that this is a preview, and leads back to the editor's own view (`exitTo`). */
export function PreviewNotice({ exitTo }: { exitTo: string }) {
  const { t } = useTranslation();
  return (
    <div className="mg-preview fr-mb-4w">
      <Alert severity="info" small description={t('ui.courses.preview.notice')} />
      <Button priority="secondary" size="small" iconId="fr-icon-eye-off-line" linkProps={{ to: exitTo }}>
        {t('ui.courses.preview.exit')}
      </Button>
    </div>
  );
}
