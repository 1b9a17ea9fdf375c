/** One page of offers as DSFR cards: title, summary, domain, duration, modality and dates. */
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Card } from '@codegouvfr/react-dsfr/Card.js';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDuration } from '../../../shared/format.ts';
import type { OfferCard } from '../../../shared/offers.ts';

const SUMMARY_LENGTH = 220;

/** The first sentences of a summary, cut on a word. */
function excerpt(text: string) {
  if (text.length <= SUMMARY_LENGTH) return text;
  const cut = text.slice(0, SUMMARY_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

export function useOfferFacts() {
  const { t } = useTranslation();
  return {
    duration: (minutes: number) =>
      minutes > 0
        ? t('offers.catalogue.duration', { duration: formatDuration(minutes * 60) })
        : t('offers.catalogue.noDuration'),
    dates: (startsAt: string | null, endsAt: string | null) => {
      if (startsAt && endsAt)
        return t('offers.catalogue.dates', { start: formatDate(startsAt), end: formatDate(endsAt) });
      if (startsAt) return t('offers.catalogue.startsOn', { start: formatDate(startsAt) });
      return null;
    },
  };
}

function OfferResult({ offer }: { offer: OfferCard }) {
  const { t } = useTranslation();
  const facts = useOfferFacts();
  const dates = facts.dates(offer.startsAt, offer.endsAt);
  return (
    <Card
      titleAs="h3"
      size="small"
      enlargeLink
      linkProps={{ to: `/offres/${offer.number}` }}
      title={offer.title}
      desc={excerpt(offer.summary)}
      start={
        <ul className="fr-badges-group">
          {offer.modality ? (
            <li>
              <Badge small noIcon severity="info" as="span">
                {t(`offers.catalogue.modalities.${offer.modality}`)}
              </Badge>
            </li>
          ) : null}
          {offer.collection ? (
            <li>
              <Badge small noIcon as="span">
                {t(`ui.lifecycle.collections.${offer.collection}`, { defaultValue: offer.collection })}
              </Badge>
            </li>
          ) : null}
        </ul>
      }
      detail={`${offer.domain.name} · ${t('offers.catalogue.number', { number: offer.number })}`}
      end={
        <ul className="fr-raw-list mg-offer-facts">
          <li className="fr-icon-time-line">{facts.duration(offer.durationMinutes)}</li>
          {dates ? <li className="fr-icon-calendar-line">{dates}</li> : null}
        </ul>
      }
    />
  );
}

export function CatalogueResults({ items }: { items: OfferCard[] }) {
  return (
    <ul className="fr-raw-list mg-offer-results">
      {items.map((offer) => (
        <li key={offer.id}>
          <OfferResult offer={offer} />
        </li>
      ))}
    </ul>
  );
}
