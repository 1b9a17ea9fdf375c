import { describe, expect, it } from 'vitest';
import { OfferSearchQuery, type OfferSearchResult } from '../../../shared/offers.ts';
import { forgetSearches, memoSearch, searchKey } from './cache.ts';

const result = (total: number): OfferSearchResult => ({
  total,
  page: 1,
  perPage: 20,
  items: [],
  facets: {} as OfferSearchResult['facets'],
});

describe('memoised catalogue searches', () => {
  it('runs a search once for a while, whatever the order of facet values, then again', async () => {
    forgetSearches();
    let runs = 0;
    const search = async () => result(++runs);
    const a = OfferSearchQuery.parse({ public: ['cpe', 'aesh'], q: 'oral' });
    const b = OfferSearchQuery.parse({ q: 'oral', public: ['aesh', 'cpe'] });
    expect(searchKey(a)).toBe(searchKey(b));
    expect((await memoSearch(a, search, 1000)).total).toBe(1);
    expect((await memoSearch(b, search, 5000)).total).toBe(1);
    expect((await memoSearch(OfferSearchQuery.parse({ q: 'oral' }), search, 5000)).total).toBe(2);
    // Past its time, or once the offer changed, the search runs again.
    expect((await memoSearch(a, search, 17_000)).total).toBe(3);
    forgetSearches();
    expect((await memoSearch(a, search, 17_001)).total).toBe(4);
  });

  it('does not keep a failed search', async () => {
    forgetSearches();
    const q = OfferSearchQuery.parse({ q: 'échec' });
    await expect(memoSearch(q, () => Promise.reject(new Error('base indisponible')), 0)).rejects.toThrow();
    expect((await memoSearch(q, async () => result(7), 1)).total).toBe(7);
  });
});
