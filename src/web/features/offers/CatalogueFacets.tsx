/**
 * The catalogue's facets in the side column: one group of checkboxes per facet, each value with the
 * number of offers it would give. Checkboxes are controlled by the URL: ticking one changes the query
 * at once (the counts follow), and the back button undoes it.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FACETS, type Facet, type OfferSearchQuery } from '../../../shared/offer-search.ts';
import type { FacetCounts } from '../../../shared/offers.ts';

type Entry = { value: string; label?: string | undefined; count: number };

/** The human name of a facet's value: catalogue labels for the enumerations, the server's for domains. */
export function facetValueLabel(t: TFunction, facet: Facet, entry: { value: string; label?: string }) {
  switch (facet) {
    case 'public':
      return t(`ui.lifecycle.publics.${entry.value}`, { defaultValue: entry.value });
    case 'collection':
      return t(`ui.lifecycle.collections.${entry.value}`, { defaultValue: entry.value });
    case 'origin':
      return t(`ui.lifecycle.origins.${entry.value}`, { defaultValue: entry.value });
    case 'modality':
      return t(`offers.catalogue.modalities.${entry.value}`, { defaultValue: entry.value });
    case 'duration':
      return t(`offers.catalogue.durations.${entry.value}`, { defaultValue: entry.value });
    default:
      return entry.label ?? entry.value;
  }
}

/** The server's values, plus the chosen ones it left out (no offer left): they must stay untickable. */
function entriesOf(facet: Facet, facets: FacetCounts | undefined, query: OfferSearchQuery): Entry[] {
  const entries: Entry[] = [...(facets?.[facet] ?? [])];
  for (const value of query[facet] as string[]) {
    if (!entries.some((entry) => entry.value === value)) entries.push({ value, count: 0 });
  }
  return entries;
}

export function CatalogueFacets({
  query,
  facets,
  onToggle,
  onClear,
}: {
  query: OfferSearchQuery;
  facets: FacetCounts | undefined;
  onToggle: (facet: Facet, value: string) => void;
  onClear: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="filtres-titre" className="mg-offer-facets">
      <h2 id="filtres-titre" className="fr-h5">
        {t('offers.catalogue.filters')}
      </h2>
      {onClear ? (
        <Button
          className="fr-mb-3w"
          priority="tertiary"
          size="small"
          iconId="fr-icon-close-circle-line"
          onClick={onClear}
        >
          {t('offers.catalogue.clearFilters')}
        </Button>
      ) : null}
      {FACETS.map((facet) => {
        const entries = entriesOf(facet, facets, query);
        if (entries.length === 0) return null;
        const chosen = query[facet] as string[];
        return (
          <Checkbox
            key={facet}
            small
            legend={t(`offers.catalogue.facets.${facet}`)}
            options={entries.map((entry) => {
              const label = facetValueLabel(t, facet, entry);
              return {
                label: t('offers.catalogue.facetOption', { label, count: entry.count }),
                nativeInputProps: {
                  name: facet,
                  value: entry.value,
                  checked: chosen.includes(entry.value),
                  onChange: () => onToggle(facet, entry.value),
                },
              };
            })}
          />
        );
      })}
    </section>
  );
}
