/**
 * `/offres/:number/demo`: the course of a published offer, read-only — its sections and the titles of
 * its activities (labels shown in place), so a visitor sees what the training holds before enrolling.
 */
import { Notice } from '@codegouvfr/react-dsfr/Notice.js';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivitySummary } from '../../api/courses.ts';
import { type OfferDemo, useOfferDemo } from '../../api/offers.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { RichText } from '../../components/RichTextEditor.tsx';
import { kindUi } from '../activities/registry.tsx';
import { ActivityKindLine } from '../courses/SectionContent.tsx';
import { OfferGate } from './OfferGate.tsx';
import { OfferHeading } from './OfferHeading.tsx';
import './offers.css';

export function DemoViewPage() {
  return <OfferGate load={useOfferDemo}>{(demo) => <DemoView demo={demo} />}</OfferGate>;
}

type DemoSection = OfferDemo['sections'][number];
type DemoActivity = DemoSection['activities'][number];

/** The demo's activity in the shape the course page's components read. */
const asSummary = (sectionId: string, activity: DemoActivity): ActivitySummary => ({
  ...activity,
  sectionId,
  visibility: 'visible',
  availableFrom: null,
  completion: { mode: 'none' },
});

function DemoActivityItem({ sectionId, activity }: { sectionId: string; activity: DemoActivity }) {
  const ui = kindUi(activity.kind);
  const summary = asSummary(sectionId, activity);
  if (ui.Inline) return <ui.Inline activity={summary} headingLevel="h3" />;
  return (
    <div className="mg-activity">
      <span className={`${ui.icon} mg-activity__icon`} aria-hidden="true" />
      <div>
        <p className="fr-mb-0 mg-activity__title">{activity.title}</p>
        <ActivityKindLine activity={summary} />
      </div>
    </div>
  );
}

function DemoView({ demo }: { demo: OfferDemo }) {
  const { t } = useTranslation();
  const presentation = `/offres/${demo.number}`;
  // A section with nothing in it (the course's empty presentation section, say) tells a visitor nothing.
  const sections = demo.sections.filter((section) => section.activities.length > 0 || section.description);
  return (
    <>
      <OfferHeading
        title={t('offers.presentation.demoPage.title', { title: demo.title })}
        crumbs={[{ label: demo.title, to: presentation }]}
        current={t('offers.presentation.demoPage.crumb')}
      >
        <Notice className="fr-mb-3w" title={t('offers.presentation.demoPage.notice')} />
        <RichText html={demo.summary} className="fr-mb-3w" />
      </OfferHeading>
      {sections.length === 0 ? (
        <EmptyState message={t('offers.presentation.demoPage.empty')} />
      ) : (
        sections.map((section, index) => (
          <section key={section.id} className="mg-section" aria-labelledby={`demo-section-${index}`}>
            <h2 id={`demo-section-${index}`} className="fr-h3">
              {section.title}
            </h2>
            <RichText html={section.description} className="fr-mb-2w" />
            {section.activities.length === 0 ? (
              <p className="fr-text--sm mg-muted">{t('offers.presentation.demoPage.emptySection')}</p>
            ) : (
              <ul className="mg-activities">
                {section.activities.map((activity) => (
                  <li key={activity.id}>
                    <DemoActivityItem sectionId={section.id} activity={activity} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
      <p className="fr-mt-4w">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={presentation}>
          {t('offers.presentation.demoPage.back')}
        </Link>
      </p>
    </>
  );
}
