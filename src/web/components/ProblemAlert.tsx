import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../api/client.ts';

/** The human message of a failed request: the problem's French `title`, or a generic one. */
export function useProblemMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === NETWORK_ERROR || !error.problem.title) return t('ui.common.networkError');
      return error.problem.detail ? `${error.problem.title} ${error.problem.detail}` : error.problem.title;
    }
    return t('errors.internal');
  };
}

/** An error Alert for a failed request. */
export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  const message = useProblemMessage();
  return (
    <Alert
      className={className ?? 'fr-mb-4w'}
      severity="error"
      small
      role="alert"
      description={message(error)}
    />
  );
}
