/**
 * Optimistic concurrency for the edits of shared objects: a course's settings and its indexation, a
 * section, an activity, a platform setting. Each has a version, an integer in its GET payload (`version`;
 * `metadataVersion` for a course's indexation) that every save raises by one.
 *
 * The contract: a client sends back the version it edited in `If-Match: "<version>"`. When the object has
 * moved on since, the save gets 409 problem+json `stale_version` and writes nothing, instead of silently
 * overwriting what someone else saved meanwhile. (HTTP would say 412 for a failed `If-Match`; 409 "conflict
 * with the current state" is what the person must resolve, and what this API answers for conflicts.)
 * A header rather than a body field: the same on every route, and the indexation already has a field
 * named `version` (the course's own version number, « 1.0 »).
 *
 * Without `If-Match`, or with `If-Match: *`, a save applies as before, so scripts and older clients keep
 * working; every form of the web app sends it.
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/problem.ts';

/** The version the request says it edited, or undefined when it names none. */
export function expectedVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return undefined;
  // An entity tag as HTTP writes it ("3", or weak W/"3"), or the bare number.
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) throw new HttpProblem(400, 'invalid_if_match', 'errors.invalidIfMatch');
  return Number(match[1]);
}

export const staleVersion = () => new HttpProblem(409, 'stale_version', 'errors.staleVersion');

/** Refuses a save made from a version that is no longer the current one. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw staleVersion();
}

/**
 * The condition that makes an UPDATE conditional on the version edited (none when no version was sent).
 * Checked by the UPDATE itself, it also holds against a save committed between the read and the write:
 * PostgreSQL re-evaluates it on the row it waited for.
 */
export function atVersion(column: AnyPgColumn, expected: number | undefined): SQL | undefined {
  return expected === undefined ? undefined : eq(column, expected);
}

/** The next version, for the `set` of an UPDATE. */
export const nextVersion = (column: AnyPgColumn): SQL => sql`${column} + 1`;

/** For the OpenAPI description of a route that takes `If-Match`. */
export const IF_MATCH_DOC =
  'Send the version edited in `If-Match: "<version>"`: if the object changed since, 409 `stale_version` and nothing is written. Without it, the save applies whatever the version.';
