import type { OfferSearchQuery, OfferSearchResult } from '../../../shared/offers.ts';
import { processMemo } from '../../platform/cache/index.ts';

/**
 * A short memo of catalogue searches. The offer changes a few times a day and people search it all day,
 * often with the same few queries (the landing page, a facet or two): counting the facets again for each
 * of them is wasted work. A publication or a withdrawal forgets everything on this node; on the other nodes
 * an answer is at most `TTL_MS` old.
 */
const TTL_MS = 15_000;
const MAX_ENTRIES = 1000;

const entries = processMemo<string, { at: number; result: Promise<OfferSearchResult> }>();

/** Two queries asking the same thing (facet values in another order) share one key. */
export function searchKey(query: OfferSearchQuery): string {
  const sorted = Object.fromEntries(
    Object.entries(query)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]),
  );
  return JSON.stringify(sorted);
}

export async function memoSearch(
  query: OfferSearchQuery,
  search: () => Promise<OfferSearchResult>,
  now = Date.now(),
): Promise<OfferSearchResult> {
  const key = searchKey(query);
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.result;
  // The promise is kept, so simultaneous identical searches run the queries once.
  const result = search();
  entries.delete(key);
  entries.set(key, { at: now, result });
  result.catch(() => entries.delete(key));
  // A Map keeps insertion order: the first key is the oldest.
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return result;
}

/** Forgets every memoised search (the offer just changed). */
export function forgetSearches() {
  entries.clear();
}
