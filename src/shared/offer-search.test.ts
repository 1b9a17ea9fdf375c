/**
 * The catalogue's page reads its address without zod; the server reads the same query with the zod schema.
 * Both must agree: for every address, `readOfferSearchQuery` gives what the schema gives, a parameter the
 * schema refuses left at its default (what the page did when it parsed with zod: drop the refused
 * parameters, parse again).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { FACETS, type OfferSearchQuery, readOfferSearchQuery, SEARCH_DEFAULTS } from './offer-search.ts';
import { OfferSearchQuery as OfferSearchSchema } from './offers.ts';

/** The reading with the schema, as the page did it before. */
function withSchema(params: URLSearchParams): OfferSearchQuery {
  const raw: Record<string, unknown> = {};
  for (const key of ['kind', 'q', 'sort', 'page', 'perPage'] as const) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  for (const facet of FACETS) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length > 0) raw[facet] = values;
  }
  const parsed = OfferSearchSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !refused.has(key)));
  return OfferSearchSchema.parse(kept);
}

const long = (n: number) => 'a'.repeat(n);

/** Values worth trying for each parameter: valid, refused, and the edges between. */
const CANDIDATES: Record<string, string[]> = {
  kind: ['training', 'course', 'Course', 'training ', '', 'offre'],
  q: ['oral', '  mémoire  ', '   ', '', long(200), ` ${long(200)} `, long(201), 'a&b=c', 'école'],
  public: ['cpe', 'aesh', 'tous', 'CPE', 'personne', '', ' cpe'],
  collection: ['formation', 'webinaire', 'autre', ''],
  modality: ['hybride', 'distance', 'presentiel', 'présentiel'],
  duration: ['lt3h', '3to6h', 'from9h', 'gt9h', 'gt10h', 'constructor', '__proto__'],
  domain: ['ac-aix-marseille', '  dgesco  ', '   ', long(100), long(101)],
  origin: ['national', 'academie', 'mutualise', 'privé'],
  keyword: ['mémoire', ' cycle 3 ', '  ', long(60), long(61)],
  sort: ['relevance', 'recent', 'title', 'start', 'random', ''],
  page: [
    '1',
    '2',
    '10000',
    '10001',
    '0',
    '-1',
    '1.5',
    '1.0',
    ' 7 ',
    '1e3',
    '0x10',
    'Infinity',
    'abc',
    '',
    '-0',
  ],
  perPage: ['10', '20', '50', '25', '20.0', ' 50', '1e1', 'abc', '0'],
};

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomAddress(next: () => number): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, values] of Object.entries(CANDIDATES)) {
    const count = Math.floor(next() * 4); // absent, once, or repeated
    for (let i = 0; i < count; i++) params.append(name, values[Math.floor(next() * values.length)] as string);
  }
  return params;
}

describe('readOfferSearchQuery', () => {
  it('has the type the schema gives', () => {
    expectTypeOf<OfferSearchQuery>().toEqualTypeOf<ReturnType<typeof OfferSearchSchema.parse>>();
  });

  it('reads an empty address as the defaults', () => {
    expect(readOfferSearchQuery(new URLSearchParams())).toEqual(SEARCH_DEFAULTS);
    expect(withSchema(new URLSearchParams())).toEqual(SEARCH_DEFAULTS);
  });

  const addresses = [
    'kind=course&q=+oral+&public=cpe&public=aesh&sort=recent&page=3&perPage=50',
    'duration=gt9h&duration=lt3h',
    'public=cpe&public=inconnu&modality=hybride',
    `keyword=${'x,'.repeat(31)}`,
    Array.from({ length: 31 }, () => 'public=cpe').join('&'),
    Array.from({ length: 30 }, () => 'keyword=a').join('&'),
    'page=0&perPage=25&kind=autre&q=',
    'domain=+&domain=ac-lyon',
    'q=%20%20&page=1e3&perPage=1e1',
  ];

  it.each(addresses)('agrees with the schema on ?%s', (address) => {
    const params = new URLSearchParams(address);
    expect(readOfferSearchQuery(params)).toEqual(withSchema(params));
  });

  it('agrees with the schema on every value tried alone', () => {
    for (const [name, values] of Object.entries(CANDIDATES))
      for (const value of values) {
        const params = new URLSearchParams([[name, value]]);
        expect({ address: params.toString(), query: readOfferSearchQuery(params) }).toEqual({
          address: params.toString(),
          query: withSchema(params),
        });
      }
  });

  it('agrees with the schema on 2,000 random addresses', () => {
    const next = random(20_261_207);
    for (let i = 0; i < 2000; i++) {
      const params = randomAddress(next);
      expect({ address: params.toString(), query: readOfferSearchQuery(params) }).toEqual({
        address: params.toString(),
        query: withSchema(params),
      });
    }
  });
});
