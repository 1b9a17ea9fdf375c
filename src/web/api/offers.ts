/**
 * The offer (catalogue): searching it, an offer's presentation and demonstration, a course's publication,
 * and the weekly alerts of new offers.
 */
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SubscriptionBody } from '../../shared/offers.ts';
import { get, path, send } from './client.ts';

export type { OfferDemo, OfferPresentation, OfferSubscription, Publication } from '../../shared/offers.ts';

export const offerKeys = {
  all: ['offers'] as const,
  search: (query: string) => ['offers', 'search', query] as const,
  offer: (number: number) => ['offers', number] as const,
  demo: (number: number) => ['offers', number, 'demo'] as const,
  subscription: ['offers', 'subscription'] as const,
  publication: (courseId: string) => ['publication', courseId] as const,
};

// — The catalogue —

/** A search of the catalogue, `params` as the catalogue's address has them (the API's own parameters). */
export function useOfferSearch(params: URLSearchParams) {
  const qs = params.toString();
  return useQuery({
    queryKey: offerKeys.search(qs),
    queryFn: () => get('/api/offers', (c) => c.offers.OfferSearchResult, params),
    placeholderData: keepPreviousData,
  });
}

/** Links of the downloads of a search (`params` without its page: all its results). */
export function exportLinks(params: URLSearchParams) {
  const qs = params.toString();
  const suffix = qs ? `?${qs}` : '';
  return { csv: `/api/offers/export.csv${suffix}`, pdf: `/api/offers/export.pdf${suffix}` };
}

/** Answers 410 with the offer's number, kind, title and withdrawal date once it is withdrawn. */
export function useOffer(number: number) {
  return useQuery({
    queryKey: offerKeys.offer(number),
    queryFn: () => get(path`/api/offers/${number}`, (c) => c.offers.OfferPresentation),
    retry: false,
  });
}

export function useOfferDemo(number: number) {
  return useQuery({
    queryKey: offerKeys.demo(number),
    queryFn: () => get(path`/api/offers/${number}/demo`, (c) => c.offers.OfferDemo),
    retry: false,
  });
}

// — A course's publication —

export function usePublication(courseId: string, enabled = true) {
  return useQuery({
    queryKey: offerKeys.publication(courseId),
    queryFn: () => get(path`/api/courses/${courseId}/publication`, (c) => c.offers.Publication),
    enabled,
  });
}

/** Publishes the course, or its new version with what changed. */
export const publishCourse = (courseId: string, releaseNotes: string) =>
  send('POST', path`/api/courses/${courseId}/publication`, {
    body: releaseNotes ? { releaseNotes } : {},
    answer: (c) => c.offers.Publication,
  });

export const withdrawCourse = (courseId: string) =>
  send('DELETE', path`/api/courses/${courseId}/publication`, { answer: (c) => c.offers.Publication });

/** After a publication changes: its section, and the catalogue's lists. */
export async function refreshPublication(queryClient: QueryClient, courseId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: offerKeys.publication(courseId) }),
    queryClient.invalidateQueries({ queryKey: offerKeys.all }),
  ]);
}

// — Alerts of new offers —

const SUBSCRIPTION = '/api/me/offer-subscription';

/** The person's subscription, `null` when they have none. */
export function useOfferSubscription() {
  return useQuery({
    queryKey: offerKeys.subscription,
    queryFn: () => get(SUBSCRIPTION, (c) => c.offers.OfferSubscription.nullable()),
    retry: false,
  });
}

export const saveOfferSubscription = (body: z.input<typeof SubscriptionBody>) =>
  send('PUT', SUBSCRIPTION, { body, answer: (c) => c.offers.OfferSubscription });

export const deleteOfferSubscription = () => send('DELETE', SUBSCRIPTION);

/** The way out from the weekly mail's link, without logging in. */
export const unsubscribeOffers = (token: string) =>
  send('POST', '/api/offer-subscriptions/unsubscribe', { body: { token } });
