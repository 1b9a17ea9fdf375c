/** The four pages the DSFR footer links to. Short, true, and in the catalogue. */
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.tsx';

function LegalPage({ page, sections }: { page: string; sections: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <PageHeading title={t(`ui.legal.${page}.title`)} crumbs={[]} />
        {sections.map((section) => (
          <section key={section} className="fr-mb-4w">
            <h2>{t(`ui.legal.${page}.${section}`)}</h2>
            <p>{t(`ui.legal.${page}.${section}Text`)}</p>
          </section>
        ))}
      </div>
    </div>
  );
}

export function AccessibilityPage() {
  return <LegalPage page="accessibility" sections={['status', 'efforts', 'contact', 'remedy']} />;
}

export function LegalNoticePage() {
  return <LegalPage page="notice" sections={['publisher', 'director', 'hosting', 'license']} />;
}

export function PersonalDataPage() {
  return <LegalPage page="data" sections={['controller', 'purpose', 'retention', 'rights']} />;
}

export function CookiesPage() {
  const { t } = useTranslation();
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <PageHeading title={t('ui.legal.cookies.title')} crumbs={[]} />
        <p>{t('ui.legal.cookies.text')}</p>
        <p>{t('ui.legal.cookies.noTracking')}</p>
        <p>{t('ui.legal.cookies.storage')}</p>
      </div>
    </div>
  );
}
