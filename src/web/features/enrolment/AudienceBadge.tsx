/** What trainers and designers see on a restricted activity: to which groups it is reserved. */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { useTranslation } from 'react-i18next';

export function AudienceBadge({ restrictedTo }: { restrictedTo?: string[] | undefined }) {
  const { t } = useTranslation();
  if (!restrictedTo) return null;
  return (
    <Badge small noIcon severity="info" as="span" className="fr-ml-1w mg-audience-badge">
      {restrictedTo.length
        ? t('audience.badge', { names: restrictedTo.join(', ') })
        : t('audience.badgeNobody')}
    </Badge>
  );
}
