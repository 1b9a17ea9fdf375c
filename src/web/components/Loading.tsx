import { useTranslation } from 'react-i18next';

/** A polite "loading" line, announced by screen readers. */
export function Loading({ label }: { label?: string } = {}) {
  const { t } = useTranslation();
  return (
    <p className="fr-text--sm fr-my-2w" role="status">
      {label ?? t('ui.common.loading')}
    </p>
  );
}
