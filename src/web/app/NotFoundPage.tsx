import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('ui.notFound.title')} />
      <p className="fr-text--lead">{t('ui.notFound.text')}</p>
      <Link className="fr-btn" to="/">
        {t('ui.notFound.back')}
      </Link>
    </>
  );
}
