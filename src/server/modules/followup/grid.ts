/**
 * The follow-up grid: everyone enrolled (in the roles asked) × the tracked activities, read in a fixed
 * number of queries whatever the size of the course (enrolled people, tracked activities then the
 * completion summary — states, course completion and presence folded per person by PostgreSQL —, group
 * names, then the people's profiles), then filtered, sorted and paged in memory — 1,000 people × 60 activities is 60,000 small cells, cheaper to scan than to send
 * PostgreSQL a query per criterion.
 */

import { visibleToGroups } from '../../../shared/enrolment.ts';
import {
  CELL,
  type EnrolledRole,
  type FollowupActivity,
  type FollowupCriteria,
  type FollowupGrid,
  type FollowupRow,
  type FollowupSort,
  progressPercent,
} from '../../../shared/followup.ts';
import { processMemo } from '../../platform/cache/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import { findUsersByIds } from '../accounts/index.ts';
import { type CompletionSummary, completionSummaryIn } from '../completion/index.ts';
import { trackedActivities } from '../courses/index.ts';
import { enrolledPeople, groupingsMap, groupsIn } from '../enrolment/index.ts';
import { parisMidnight } from './time.ts';

/** Cell codes in `Person.states`. */
export const NONE = 0;
export const COMPLETE = 1;
export const FAILED = 2;
/** The activity is restricted to groups the person is not in: not counted, not to be done. */
export const NOT_CONCERNED = 3;

export type Person = {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  academie: string | null;
  departement: string | null;
  discipline: string | null;
  roles: EnrolledRole[];
  groupIds: string[];
  /** Aligned with the course's tracked activities: NONE, COMPLETE, FAILED or NOT_CONCERNED. */
  states: Uint8Array;
  /** Aligned with the activities: when the state was reached (epoch ms), 0 when nothing. */
  dates: Float64Array;
  /** Whether any state (complete or failed) is recorded: the person has started. */
  started: boolean;
  completed: number;
  progress: number | null;
  courseCompletedAt: Date | null;
  firstAccessAt: Date | null;
  lastAccessAt: Date | null;
  seconds: number;
  /** Position in the course's list by name: the default order, and every other order's tie-break. */
  nameRank: number;
  /** Lower case, without accents, computed once: what the filter compares. */
  folded: { text: string; academie: string | null; departement: string | null; discipline: string | null };
};

export type CourseData = {
  activities: FollowupActivity[];
  groups: { id: string; name: string }[];
  /** Sorted by name. */
  people: Person[];
  facets: FollowupGrid['facets'];
};

/** Everything the grid, the exports, the reminders and the attendance list need about a course. */
export async function loadCourseData(
  db: Tx,
  courseId: string,
  roles: readonly EnrolledRole[] = ['participant'],
): Promise<CourseData> {
  const [enrolled, [tracked, summaries], groups, groupings] = await Promise.all([
    enrolledPeople(db, courseId, [...roles]),
    // The completion summary is aligned with this very list (no race with an activity added meanwhile).
    trackedActivities(db, courseId).then(
      async (list) =>
        [
          list,
          await completionSummaryIn(
            db,
            courseId,
            list.map((a) => a.id),
          ),
        ] as const,
    ),
    groupsIn(db, courseId),
    groupingsMap(db, courseId),
  ]);
  // One person enrolled in two roles is one row with both.
  const byUser = new Map<string, { roles: EnrolledRole[]; groupIds: Set<string> }>();
  for (const row of enrolled) {
    const entry = byUser.get(row.userId) ?? { roles: [], groupIds: new Set<string>() };
    entry.roles.push(row.role);
    for (const id of row.groupIds) entry.groupIds.add(id);
    byUser.set(row.userId, entry);
  }
  const profiles = await findUsersByIds(db, [...byUser.keys()]);

  const n = tracked.length;
  const restricted = tracked.flatMap((a, i) => (a.audience ? [i] : []));
  const summaryOf = new Map<string, CompletionSummary>();
  for (const row of summaries) if (byUser.has(row.userId)) summaryOf.set(row.userId, row);

  const foldOrNull = (value: string | null) => (value === null ? null : fold(value));
  const people: Person[] = profiles.map((profile) => {
    const enrolment = byUser.get(profile.id)!;
    const summary = summaryOf.get(profile.id);
    const states = new Uint8Array(n);
    const dates = new Float64Array(n);
    if (summary)
      for (let j = 0; j < summary.positions.length; j++) {
        const i = summary.positions[j]!;
        states[i] = summary.codes[j] === 'c' ? COMPLETE : FAILED;
        dates[i] = summary.dates[j]!;
      }
    // Restricted activities outside the person's groups are not theirs: neither counted nor to do.
    let completed = summary?.completed ?? 0;
    let concerned = n;
    for (const i of restricted)
      if (!visibleToGroups(tracked[i]!.audience, enrolment.groupIds, groupings)) {
        if (states[i] === COMPLETE) completed -= 1;
        states[i] = NOT_CONCERNED;
        dates[i] = 0;
        concerned -= 1;
      }
    return {
      userId: profile.id,
      firstName: profile.firstName,
      lastName: profile.lastName,
      email: profile.email,
      academie: profile.academie,
      departement: profile.departement,
      discipline: profile.discipline,
      roles: enrolment.roles,
      groupIds: [...enrolment.groupIds],
      states,
      dates,
      started: (summary?.positions.length ?? 0) > 0,
      completed,
      progress: progressPercent(completed, concerned),
      courseCompletedAt: summary?.courseCompletedAt ?? null,
      firstAccessAt: summary?.firstAccessAt ?? null,
      lastAccessAt: summary?.lastAccessAt ?? null,
      seconds: summary?.seconds ?? 0,
      nameRank: 0,
      folded: {
        text: fold(`${profile.firstName} ${profile.lastName} ${profile.email}`),
        academie: foldOrNull(profile.academie),
        departement: foldOrNull(profile.departement),
        discipline: foldOrNull(profile.discipline),
      },
    };
  });
  people.sort(byName);
  people.forEach((person, i) => {
    person.nameRank = i;
  });
  return {
    activities: tracked.map((a) => ({ id: a.id, title: a.title, kind: a.kind, sectionId: a.sectionId })),
    groups,
    people,
    facets: {
      academies: distinct(people.map((p) => p.academie)),
      departements: distinct(people.map((p) => p.departement)),
      disciplines: distinct(people.map((p) => p.discipline)),
    },
  };
}

/**
 * The grid's and the exports' view of a course, kept a few seconds per node: a trainer paging, sorting
 * and filtering the same session reads PostgreSQL once, and trainers looking at once share one read
 * (the pending promise). The follow-up is a report, not a live view: what changed in the last
 * seconds appears at the next read. Messages, reminders and the participation list read afresh.
 */
export const COURSE_DATA_TTL_MS = cacheTtl(process.env.FOLLOWUP_CACHE_MS);

/**
 * `FOLLOWUP_CACHE_MS` (default 5,000) exists for measurement only: `0` makes every grid request read
 * PostgreSQL, which is how `bench/followup-grid.ts` measures the uncached read (`BENCH_CACHE=off`).
 */
function cacheTtl(value: string | undefined): number {
  if (value === undefined || value === '') return 5_000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 3_600_000)
    throw new Error(`FOLLOWUP_CACHE_MS: an integer of milliseconds from 0 to 3600000 expected, got ${value}`);
  return ms;
}
const MAX_CACHED_COURSES = 50;
const recent = processMemo<string, { at: number; data: Promise<CourseData> }>();

export function recentCourseData(
  db: Tx,
  courseId: string,
  roles: readonly EnrolledRole[] = ['participant'],
  now = Date.now(),
): Promise<CourseData> {
  const key = `${courseId}:${[...roles].sort().join(',')}`;
  const hit = recent.get(key);
  if (hit && now - hit.at < COURSE_DATA_TTL_MS) return hit.data;
  const data = loadCourseData(db, courseId, roles);
  recent.delete(key);
  recent.set(key, { at: now, data });
  data.catch(() => recent.delete(key));
  // The oldest entry goes first (a Map keeps insertion order).
  if (recent.size > MAX_CACHED_COURSES) recent.delete(recent.keys().next().value!);
  return data;
}

/** Lower case, without accents: how names, e-mails and profile values are compared. */
export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The people matching every criterion. Criteria naming groups or activities of another course are a
 * client's mistake, answered with a 400 that says which field.
 */
export function selectPeople(
  data: Pick<CourseData, 'people'> & { activities: { id: string }[]; groups: { id: string }[] },
  criteria: FollowupCriteria,
  /** Where the criteria sit in the request, for the field of an error (`criteria.` in a body). */
  path = '',
): Person[] {
  const groupIds = new Set(data.groups.map((g) => g.id));
  for (const [i, id] of (criteria.groupIds ?? []).entries())
    if (!groupIds.has(id))
      throw new HttpProblem(400, 'unknown_group', 'errors.followup.unknownGroup', {
        errors: [{ path: `${path}groupIds.${i}`, message: 'errors.followup.unknownGroup' }],
      });
  const index = new Map(data.activities.map((a, i) => [a.id, i]));
  const positions = (key: 'done' | 'notDone') =>
    (criteria[key] ?? []).map((id, i) => {
      const position = index.get(id);
      if (position === undefined)
        throw new HttpProblem(400, 'unknown_activity', 'errors.followup.unknownActivity', {
          errors: [{ path: `${path}${key}.${i}`, message: 'errors.followup.unknownActivity' }],
        });
      return position;
    });
  const done = positions('done');
  const notDone = positions('notDone');
  const wantedGroups = criteria.groupIds ? new Set(criteria.groupIds) : null;
  const since = criteria.lastAccessSince ? parisMidnight(criteria.lastAccessSince) : null;
  const before = criteria.lastAccessBefore ? parisMidnight(criteria.lastAccessBefore) : null;
  const among = (values: string[] | undefined) => (values ? new Set(values.map(fold)) : null);
  const academies = among(criteria.academies);
  const departements = among(criteria.departements);
  const disciplines = among(criteria.disciplines);
  const inSet = (set: Set<string> | null, folded: string | null) =>
    !set || (folded !== null && set.has(folded));
  const words = criteria.q ? fold(criteria.q).split(/\s+/).filter(Boolean) : [];

  return data.people.filter((p) => {
    if (criteria.roles && !p.roles.some((role) => criteria.roles!.includes(role))) return false;
    if (wantedGroups && !p.groupIds.some((id) => wantedGroups.has(id))) return false;
    if (done.some((i) => p.states[i] !== COMPLETE)) return false;
    // Someone an activity is not meant for has nothing left to do there: no reminder about it.
    if (notDone.some((i) => p.states[i] === COMPLETE || p.states[i] === NOT_CONCERNED)) return false;
    if (criteria.progressMin !== undefined && (p.progress ?? 0) < criteria.progressMin) return false;
    if (criteria.progressBelow !== undefined && (p.progress ?? 0) >= criteria.progressBelow) return false;
    const last = p.lastAccessAt?.getTime() ?? null;
    if (criteria.neverAccessed && last !== null) return false;
    if (since !== null && (last === null || last < since)) return false;
    if (before !== null && (last === null || last >= before)) return false;
    if (!inSet(academies, p.folded.academie)) return false;
    if (!inSet(departements, p.folded.departement)) return false;
    if (!inSet(disciplines, p.folded.discipline)) return false;
    if (words.length && !words.every((word) => p.folded.text.includes(word))) return false;
    return true;
  });
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Last name, first name, then e-mail, as a French reader orders them. */
function byName(a: Pick<Person, 'lastName' | 'firstName' | 'email'>, b: typeof a) {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    collator.compare(a.email, b.email)
  );
}

/**
 * Sorts in place; people without a value (never came, nothing tracked) come last in both orders. People
 * arrive in name order (`loadCourseData`), so ties fall back on a number, not on the collator.
 */
export function sortPeople(people: Person[], sort: FollowupSort, order: 'asc' | 'desc'): Person[] {
  const sign = order === 'asc' ? 1 : -1;
  const byRank = (a: Person, b: Person) => a.nameRank - b.nameRank;
  const text = (key: 'email' | 'academie' | 'departement' | 'discipline') => (a: Person, b: Person) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * collator.compare(x, y);
  };
  const number = (value: (p: Person) => number | null) => (a: Person, b: Person) => {
    const x = value(a);
    const y = value(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y);
  };
  const compare: Record<FollowupSort, (a: Person, b: Person) => number> = {
    name: (a, b) => sign * byRank(a, b),
    email: text('email'),
    academie: text('academie'),
    departement: text('departement'),
    discipline: text('discipline'),
    progress: number((p) => p.progress),
    lastAccess: number((p) => p.lastAccessAt?.getTime() ?? null),
    timeSpent: number((p) => p.seconds),
  };
  const primary = compare[sort];
  return people.sort((a, b) => primary(a, b) || byRank(a, b));
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toRow(p: Person): FollowupRow {
  let states = '';
  const dates: (number | null)[] = [];
  for (let i = 0; i < p.states.length; i++) {
    const state = p.states[i];
    states +=
      state === COMPLETE
        ? CELL.complete
        : state === FAILED
          ? CELL.failed
          : state === NOT_CONCERNED
            ? CELL.notConcerned
            : CELL.none;
    dates.push(state === NONE || state === NOT_CONCERNED ? null : p.dates[i]!);
  }
  return {
    userId: p.userId,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    roles: p.roles,
    groupIds: p.groupIds,
    academie: p.academie,
    departement: p.departement,
    discipline: p.discipline,
    completed: p.completed,
    progress: p.progress,
    courseCompletedAt: iso(p.courseCompletedAt),
    firstAccessAt: iso(p.firstAccessAt),
    lastAccessAt: iso(p.lastAccessAt),
    seconds: p.seconds,
    states,
    dates,
  };
}

function distinct(values: (string | null)[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (value && !seen.has(fold(value))) seen.set(fold(value), value);
  return [...seen.values()].sort(collator.compare);
}

/** The grid's answer: one page of rows, the totals per activity over everyone matching. */
export function buildGrid(
  data: CourseData,
  matching: Person[],
  page: number,
  pageSize: number,
): FollowupGrid {
  const n = data.activities.length;
  const complete = new Array<number>(n).fill(0);
  const failed = new Array<number>(n).fill(0);
  const concerned = new Array<number>(n).fill(matching.length);
  let progressSum = 0;
  let progressCount = 0;
  for (const p of matching) {
    for (let i = 0; i < n; i++) {
      if (p.states[i] === COMPLETE) complete[i]! += 1;
      else if (p.states[i] === FAILED) failed[i]! += 1;
      else if (p.states[i] === NOT_CONCERNED) concerned[i]! -= 1;
    }
    if (p.progress !== null) {
      progressSum += p.progress;
      progressCount += 1;
    }
  }
  const start = (page - 1) * pageSize;
  return {
    activities: data.activities,
    groups: data.groups,
    facets: data.facets,
    enrolled: data.people.length,
    total: matching.length,
    page,
    pageSize,
    totals: { complete, failed, concerned },
    averageProgress: progressCount ? Math.floor(progressSum / progressCount) : null,
    rows: matching.slice(start, start + pageSize).map(toRow),
  };
}
