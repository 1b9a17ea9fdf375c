import { z } from 'zod';
import { Uuid } from './api.ts';

/**
 * The course hub (Réseau des concepteurs): designers search the course offer and deploy a parcours of
 * another domain into theirs; the copy remembers its origin and version, and is offered the newer ones.
 */

export const HUB_PAGE_SIZE = 12;

export const HubSearchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type HubSearchQuery = z.infer<typeof HubSearchQuery>;

const DomainRef = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const HubCourse = z.object({
  number: z.number(),
  title: z.string(),
  summary: z.string(),
  domain: DomainRef,
  version: z.string().nullable(),
  publics: z.array(z.string()),
  durationMinutes: z.number(),
  publishedAt: z.string(),
  /** Copies deployed in other domains. */
  deployments: z.number(),
  /** Sessions given from the parcours and from its deployed copies. */
  sessions: z.number(),
  /**
   * Copies of it already deployed in the domains the person may deploy into (the trash aside), each
   * with the version it holds: there, the hub leads to the copy (and its update) instead of deploying again.
   */
  deployedCopies: z.array(
    z.object({ courseId: z.string(), title: z.string(), domain: DomainRef, version: z.string() }),
  ),
});
export type HubCourse = z.infer<typeof HubCourse>;

export const HubSearchResult = z.object({
  total: z.number(),
  page: z.number(),
  perPage: z.number(),
  items: z.array(HubCourse),
  /** The domains the person may deploy into (where they may create parcours). */
  targetDomains: z.array(DomainRef),
});
export type HubSearchResult = z.infer<typeof HubSearchResult>;

export const DeployBody = z.object({
  domainId: Uuid,
  title: z.string().trim().min(1).max(255).optional(),
});
export type DeployBody = z.infer<typeof DeployBody>;

export const OfferVersionInfo = z.object({
  version: z.string(),
  releaseNotes: z.string(),
  publishedAt: z.string(),
});
export type OfferVersionInfo = z.infer<typeof OfferVersionInfo>;

/** Where a deployed copy comes from, the version it holds, and the versions published since. */
export const Deployment = z.object({
  offer: z.object({
    number: z.number(),
    title: z.string(),
    status: z.enum(['published', 'withdrawn']),
    domain: DomainRef,
  }),
  version: z.string(),
  deployedAt: z.string(),
  updatedAt: z.string().nullable(),
  latest: OfferVersionInfo.nullable(),
  /** Oldest first. */
  newer: z.array(OfferVersionInfo),
});
export type Deployment = z.infer<typeof Deployment>;

export const DeployResult = z.object({ courseId: z.string(), title: z.string(), version: z.string() });
export type DeployResult = z.infer<typeof DeployResult>;
