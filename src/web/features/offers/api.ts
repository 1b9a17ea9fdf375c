/** The public catalogue's query as the page's URL (the search itself is `useOfferSearch` of `api/offers.ts`). */
import {
  SEARCH_DEFAULTS as DEFAULTS,
  FACETS,
  type Facet,
  type OfferSearchQuery,
  readOfferSearchQuery,
} from '../../../shared/offer-search.ts';
import { exportLinks as searchExportLinks } from '../../api/offers.ts';

/**
 * The catalogue's query from the page's URL. The URL uses the API's own parameters, so a shared link,
 * the page's request and the downloads all say the same thing. Values the schema refuses (an old link,
 * a hand-edited one) are dropped rather than breaking the page; read without zod, which the first page
 * of many visitors need not download.
 */
export const queryFromParams: (params: URLSearchParams) => OfferSearchQuery = readOfferSearchQuery;

/** The query as URL parameters, leaving out what equals the default (short, readable links). */
export function paramsFromQuery(query: OfferSearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.kind !== DEFAULTS.kind) params.set('kind', query.kind);
  if (query.q) params.set('q', query.q);
  for (const facet of FACETS) for (const value of query[facet]) params.append(facet, value);
  if (query.sort !== DEFAULTS.sort) params.set('sort', query.sort);
  if (query.perPage !== DEFAULTS.perPage) params.set('perPage', String(query.perPage));
  if (query.page !== 1) params.set('page', String(query.page));
  return params;
}

/** Facets chosen in the query, for "Effacer les filtres". */
export const hasFilters = (query: OfferSearchQuery) => FACETS.some((facet) => query[facet].length > 0);

export function toggleFacet(query: OfferSearchQuery, facet: Facet, value: string): OfferSearchQuery {
  const values = query[facet] as string[];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...query, [facet]: next, page: 1 };
}

/** Links of the downloads of the current search (all its results, not the page shown). */
export function exportLinks(query: OfferSearchQuery) {
  const params = paramsFromQuery({ ...query, page: 1 });
  params.delete('page');
  params.delete('perPage');
  return searchExportLinks(params);
}
