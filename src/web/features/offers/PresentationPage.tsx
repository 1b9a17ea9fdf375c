/**
 * `/offres/:number`: an offer's presentation page, public. A training offer lets one enrol (after
 * logging in); every offer shows its short link and opens its course in demonstration. A withdrawn
 * offer's page says so, since its short link lives on in mails and documents.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../shared/format.ts';
import type { OfferPresentation, OfferWithdrawn } from '../../../shared/offers.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { isNotFound, offerNumberOf, useOffer, withdrawnOffer } from './api.ts';
import { OfferHeading } from './OfferHeading.tsx';
import {
  PresentationFacts,
  PresentationObjectives,
  PresentationSessions,
  PresentationVersions,
} from './PresentationDetails.tsx';
import { PresentationEnrol } from './PresentationEnrol.tsx';
import { PresentationShortLink } from './PresentationShortLink.tsx';
import './offers.css';

export function PresentationPage() {
  const number = offerNumberOf(useParams().number);
  return number === undefined ? <OfferNotFound /> : <Presentation number={number} />;
}

function Presentation({ number }: { number: number }) {
  const query = useOffer(number);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const withdrawn = withdrawnOffer(query.error);
    if (withdrawn) return <OfferWithdrawnNotice offer={withdrawn} />;
    if (isNotFound(query.error)) return <OfferNotFound />;
    return <ProblemAlert error={query.error} />;
  }
  return <OfferView offer={query.data} />;
}

export function OfferNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <OfferHeading title={t('offers.presentation.notFound')} />
      <EmptyState message={t('offers.presentation.notFound')} next={t('offers.presentation.notFoundNext')}>
        <p className="fr-mt-2w fr-mb-0">
          <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/offres">
            {t('offers.presentation.backToCatalogue')}
          </Link>
        </p>
      </EmptyState>
    </>
  );
}

export function OfferWithdrawnNotice({ offer }: { offer: OfferWithdrawn }) {
  const { t } = useTranslation();
  const values = { title: offer.offerTitle, number: offer.number };
  return (
    <>
      <OfferHeading title={offer.offerTitle} />
      <Alert
        className="fr-mb-4w"
        severity="warning"
        title={t('offers.presentation.withdrawnTitle')}
        // Right under the page's h1 (the DSFR's default h3 would skip a level).
        as="h2"
        description={
          <>
            <span className="fr-mb-1w" style={{ display: 'block' }}>
              {offer.withdrawnAt
                ? t('offers.presentation.withdrawn', { ...values, date: formatDate(offer.withdrawnAt) })
                : t('offers.presentation.withdrawnNoDate', values)}
            </span>
            {t('offers.presentation.withdrawnNext')}
          </>
        }
      />
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/offres">
        {t('offers.presentation.backToCatalogue')}
      </Link>
    </>
  );
}

function OfferView({ offer }: { offer: OfferPresentation }) {
  const { t } = useTranslation();
  const session = offer.kind === 'training' ? offer.sessions[0] : undefined;
  return (
    <>
      <OfferHeading title={offer.title}>
        <ul className="fr-badges-group fr-mb-2w">
          <li>
            <Badge small noIcon severity="new" as="span">
              {t(`offers.presentation.kind.${offer.kind}`)}
            </Badge>
          </li>
          {offer.modality ? (
            <li>
              <Badge small noIcon severity="info" as="span">
                {t(`offers.catalogue.modalities.${offer.modality}`)}
              </Badge>
            </li>
          ) : null}
          {offer.version ? (
            <li>
              <Badge small noIcon as="span">
                {t('offers.presentation.version', { version: offer.version })}
              </Badge>
            </li>
          ) : null}
        </ul>
        {offer.summary ? <p className="fr-text--lead mg-pre-line">{offer.summary}</p> : null}
        <p className="fr-text--sm mg-muted">
          {t('offers.catalogue.number', { number: offer.number })} ·{' '}
          {t('offers.presentation.updatedAt', { date: formatDate(offer.updatedAt) })}
        </p>
      </OfferHeading>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-8">
          <PresentationObjectives offer={offer} />
          <section aria-labelledby="presentation-titre" className="fr-mb-4w">
            <h2 id="presentation-titre" className="fr-h4">
              {t('offers.presentation.about')}
            </h2>
            <PresentationFacts offer={offer} />
          </section>
          <PresentationSessions offer={offer} />
          <PresentationVersions offer={offer} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <div className="mg-offer-aside">
            {session ? <PresentationEnrol offer={offer} session={session} /> : null}
            <section aria-labelledby="demo-titre" className="fr-mb-4w">
              <h2 id="demo-titre" className="fr-h6 fr-mb-1w">
                {t('offers.presentation.demoPage.crumb')}
              </h2>
              <p className="fr-text--sm fr-mb-1w">{t('offers.presentation.demoHint')}</p>
              <Button
                priority="secondary"
                iconId="fr-icon-eye-line"
                linkProps={{ to: `/offres/${offer.number}/demo` }}
              >
                {t('offers.presentation.demo')}
              </Button>
            </section>
            <PresentationShortLink kind={offer.kind} number={offer.number} />
          </div>
        </div>
      </div>
    </>
  );
}
