/** The four pages the DSFR footer links to. Short, true, and in the catalogue. */
import { useTranslation } from 'react-i18next';
import { keyIn, type SuffixOf } from '../../../shared/i18n/keys.ts';
import { PageHeading } from '../../components/PageHeading.tsx';

/** A section of a legal page: its heading `x`, and its text beside it as `xText`. */
type Section = SuffixOf<'ui.legal'> extends infer K ? (K extends `${infer H}Text` ? H : never) : never;

function LegalPage({ page, sections }: { page: 'accessibility' | 'notice' | 'data'; sections: Section[] }) {
  const { t } = useTranslation();
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
        <PageHeading title={t(keyIn('ui.legal', `${page}.title` as const))} crumbs={[]} />
        {sections.map((section) => (
          <section key={section} className="fr-mb-4w">
            <h2>{t(keyIn('ui.legal', section))}</h2>
            <p>{t(keyIn('ui.legal', `${section}Text` as const))}</p>
          </section>
        ))}
      </div>
    </div>
  );
}

export function AccessibilityPage() {
  return (
    <LegalPage
      page="accessibility"
      sections={[
        'accessibility.status',
        'accessibility.efforts',
        'accessibility.contact',
        'accessibility.remedy',
      ]}
    />
  );
}

export function LegalNoticePage() {
  return (
    <LegalPage
      page="notice"
      sections={['notice.publisher', 'notice.director', 'notice.hosting', 'notice.license']}
    />
  );
}

export function PersonalDataPage() {
  return (
    <LegalPage page="data" sections={['data.controller', 'data.purpose', 'data.retention', 'data.rights']} />
  );
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
