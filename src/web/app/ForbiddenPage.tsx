import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.tsx';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('ui.forbidden.title')} />
      <p>{t('ui.forbidden.text')}</p>
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/">
        {t('ui.forbidden.back')}
      </Link>
    </>
  );
}
