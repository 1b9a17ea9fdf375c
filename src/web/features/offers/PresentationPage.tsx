/**
 * `/offres/:number`: an offer's presentation page, public. A training offer lets one enrol (after
 * logging in); every offer shows its short link and opens its course in demonstration. A withdrawn
 * offer's page says so, since its short link lives on in mails and documents.
 */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format.ts';
import { type OfferPresentation, useOffer } from '../../api/offers.ts';
import { OfferGate } from './OfferGate.tsx';
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
  return <OfferGate load={useOffer}>{(offer) => <OfferView offer={offer} />}</OfferGate>;
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
