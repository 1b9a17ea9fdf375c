/**
 * `/offres`: the public catalogue, no login needed. The whole query (kind, words, facets, sort, page)
 * lives in the URL, so a search can be shared and the back button walks through what was tried.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Input } from '@codegouvfr/react-dsfr/Input.js';
import { Select } from '@codegouvfr/react-dsfr/Select.js';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatNumber } from '../../../shared/format.ts';
import {
  EXPORT_MAX_OFFERS,
  FACETS,
  type Facet,
  OFFER_KINDS,
  OFFER_SORTS,
  type OfferKind,
  type OfferSearchQuery,
  PAGE_SIZES,
} from '../../../shared/offer-search.ts';
import { useOfferSearch } from '../../api/offers.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ListPages, SearchCell, SearchForm } from '../../components/lists.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { AlertsLink } from './AlertsLink.tsx';
import { exportLinks, hasFilters, paramsFromQuery, queryFromParams, toggleFacet } from './api.ts';
import { CatalogueFacets } from './CatalogueFacets.tsx';
import { CatalogueResults } from './CatalogueResults.tsx';
import './offers.css';

export function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const search = useOfferSearch(paramsFromQuery(query));
  const go = (next: OfferSearchQuery) => setParams(paramsFromQuery(next));

  function onSearch(data: FormData) {
    const q = String(data.get('q') ?? '').trim();
    go({ ...query, q, page: 1 });
  }
  const clearFacets = () => go({ ...query, ...emptyFacets(), page: 1 });

  const data = search.data;
  const pageLink = (page: number) => ({ to: `?${paramsFromQuery({ ...query, page }).toString()}` });
  const downloads = exportLinks(query);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const chosen = FACETS.reduce((n, facet) => n + (query[facet] as string[]).length, 0);

  return (
    <>
      <PageHeading title={t('offers.title')}>
        <p className="fr-text--lead">{t('offers.catalogue.intro')}</p>
      </PageHeading>
      <Tabs
        label={t('offers.catalogue.kindsLabel')}
        selectedTabId={query.kind}
        onTabChange={(kind) => go({ ...query, kind: kind as OfferKind, ...emptyFacets(), page: 1 })}
        tabs={OFFER_KINDS.map((kind) => ({ tabId: kind, label: t(`offers.catalogue.kinds.${kind}`) }))}
      >
        <SearchForm
          legend={t('offers.catalogue.searchLegend')}
          legendHidden
          formKey={`${query.kind}-${query.q}`}
          className="fr-mb-3w"
          fieldsetClassName="fr-mb-0"
          submitLabel={t('offers.catalogue.submit')}
          submitIcon="fr-icon-search-line"
          buttonWidth={4}
          onSearch={onSearch}
        >
          <SearchCell width={8}>
            <Input
              label={t('offers.catalogue.q')}
              hintText={t('offers.catalogue.qHint')}
              nativeInputProps={{ name: 'q', type: 'search', defaultValue: query.q }}
            />
          </SearchCell>
        </SearchForm>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            {/* On a phone the filters wait behind this button, so the results come first. */}
            <Button
              className="mg-offer-filter-toggle"
              priority="secondary"
              iconId="fr-icon-filter-line"
              onClick={() => setFiltersOpen((open) => !open)}
              nativeButtonProps={{ 'aria-expanded': filtersOpen, 'aria-controls': 'filtres-catalogue' }}
            >
              {chosen > 0
                ? t('offers.catalogue.filterCount', { count: chosen })
                : t('offers.catalogue.filter')}
            </Button>
            <div
              id="filtres-catalogue"
              className={filtersOpen ? 'mg-offer-filters' : 'mg-offer-filters mg-offer-filters--closed'}
            >
              {query.kind === 'training' ? (
                // A link is inline: its paragraph holds the space before the filters.
                <p className="fr-mb-3w">
                  <AlertsLink />
                </p>
              ) : null}
              <CatalogueFacets
                query={query}
                facets={data?.facets}
                onToggle={(facet: Facet, value: string) => go(toggleFacet(query, facet, value))}
                onClear={hasFilters(query) ? clearFacets : undefined}
              />
              {/* On a phone, the way back to the results once the filters are chosen. */}
              <Button
                className="mg-offer-filter-toggle"
                iconId="fr-icon-arrow-down-line"
                onClick={() => {
                  setFiltersOpen(false);
                  document.getElementById('resultats-titre')?.focus();
                }}
              >
                {data
                  ? t('offers.catalogue.showResults', { count: data.total, n: formatNumber(data.total) })
                  : t('offers.catalogue.resultsHeading')}
              </Button>
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-8">
            <section aria-labelledby="resultats-titre">
              <div className="mg-offer-toolbar">
                <h2 id="resultats-titre" className="fr-h4 fr-mb-0" aria-live="polite" tabIndex={-1}>
                  {data
                    ? t('offers.catalogue.total', { count: data.total, n: formatNumber(data.total) })
                    : t('offers.catalogue.resultsHeading')}
                </h2>
                <Select
                  className="fr-mb-0 mg-offer-select"
                  label={t('offers.catalogue.sort')}
                  nativeSelectProps={{
                    name: 'sort',
                    value: query.sort,
                    onChange: (event) =>
                      go({ ...query, sort: event.target.value as OfferSearchQuery['sort'], page: 1 }),
                  }}
                >
                  {OFFER_SORTS.map((sort) => (
                    <option key={sort} value={sort}>
                      {t(`offers.catalogue.sorts.${sort}`)}
                    </option>
                  ))}
                </Select>
              </div>
              {search.isPending ? (
                <Loading />
              ) : search.isError ? (
                <ProblemAlert error={search.error} />
              ) : data && data.items.length === 0 ? (
                <EmptyState message={t('offers.catalogue.empty')} next={t('offers.catalogue.emptyNext')} />
              ) : data ? (
                <>
                  {search.isPlaceholderData ? <Loading label={t('offers.catalogue.updating')} /> : null}
                  <CatalogueResults items={data.items} />
                  <ListPages
                    className="fr-mt-3w"
                    total={data.total}
                    perPage={data.perPage}
                    page={query.page}
                    link={pageLink}
                  />
                  <div className="mg-offer-bottom fr-mt-4w">
                    <Select
                      className="fr-mb-0 mg-offer-select"
                      label={t('offers.catalogue.perPage')}
                      nativeSelectProps={{
                        name: 'perPage',
                        value: String(query.perPage),
                        onChange: (event) => go({ ...query, perPage: Number(event.target.value), page: 1 }),
                      }}
                    >
                      {PAGE_SIZES.map((size) => (
                        <option key={size} value={size}>
                          {size}
                        </option>
                      ))}
                    </Select>
                    <div>
                      <p className="fr-text--sm fr-mb-1w">
                        {t('offers.catalogue.download')}{' '}
                        <span className="mg-muted">
                          {t('offers.catalogue.downloadCap', { max: formatNumber(EXPORT_MAX_OFFERS) })}
                        </span>
                      </p>
                      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
                        <li>
                          <a
                            className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line"
                            href={downloads.csv}
                            download
                          >
                            {t('offers.catalogue.downloadCsv')}
                          </a>
                        </li>
                        <li>
                          <a
                            className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line"
                            href={downloads.pdf}
                            download
                          >
                            {t('offers.catalogue.downloadPdf')}
                          </a>
                        </li>
                      </ul>
                    </div>
                  </div>
                </>
              ) : null}
            </section>
          </div>
        </div>
      </Tabs>
    </>
  );
}

const emptyFacets = () =>
  Object.fromEntries(FACETS.map((facet) => [facet, []])) as unknown as Pick<OfferSearchQuery, Facet>;
