import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * "Prévenez-moi des nouvelles offres", for the catalogue: leads to `/offres/alertes` (an anonymous visitor
 * logs in first and comes back there).
 */
export function AlertsLink({ className }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <Link
      className={['fr-link', 'fr-icon-notification-3-line', 'fr-link--icon-left', className]
        .filter(Boolean)
        .join(' ')}
      to="/offres/alertes"
    >
      {t('offers.alerts.link')}
    </Link>
  );
}
