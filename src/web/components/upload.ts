/**
 * What to say of a failed upload (files of activities, images of rich text, archives, thumbnails): the
 * server's own words where it has some, ours for a bare refusal from a proxy. The uploads themselves are
 * typed calls of their modules (`api/activities.ts`, `api/courses.ts`), sent as multipart by `api/client.ts`.
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useProblemMessage } from './ProblemAlert.tsx';

export function useUploadMessage() {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  return (error: unknown): string => {
    // The server's own words ("Seules les images PNG…"); a bare 413 from a proxy gets ours.
    if (error instanceof ApiError && error.status === 413)
      return error.code.startsWith('http_') || !error.problem.title
        ? t('ui.activities.upload.tooLarge')
        : error.problem.title;
    if (error instanceof ApiError && error.status === 415 && error.problem.title) return error.problem.title;
    return problemMessage(error);
  };
}
