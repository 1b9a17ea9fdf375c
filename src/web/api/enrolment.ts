/**
 * Enrolment: a course's participants (one by one, in bulk from lists, a CSV file or a cohort), self-enrolment,
 * groups and groupings, and who an activity is for. Refusals of a bulk enrolment carry their report.
 */
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AudienceBody,
  EnrolmentReport,
  GroupCreateBody,
  GroupingCreateBody,
  GroupingUpdateBody,
  GroupUpdateBody,
  ManualEnrolBody,
} from '../../shared/enrolment.ts';
import { ApiError, get, multipart, path, send } from './client.ts';
import { partOfCourseView } from './course-view.ts';

export type {
  BulkResult,
  Candidates,
  Cohort,
  CourseGroups,
  CsvFileInfo,
  Enrolment,
  EnrolmentList,
  EnrolmentReport,
  EnrolRole,
  Group,
  Grouping,
  ReportEntry,
  SelfEnrolmentState,
} from '../../shared/enrolment.ts';

const course = (id: string) => path`/api/courses/${id}`;

export const enrolmentKeys = {
  all: (courseId: string) => ['enrolment', courseId] as const,
  list: (courseId: string, params: EnrolmentParams) => ['enrolment', courseId, 'list', params] as const,
  groups: (courseId: string) => ['enrolment', courseId, 'groups'] as const,
  cohorts: (courseId: string) => ['enrolment', courseId, 'cohorts'] as const,
  self: (courseId: string) => ['self-enrolment', courseId] as const,
};

/** Everything about a course's people changed: lists, groups, and the course itself (access). */
export async function refreshEnrolment(queryClient: QueryClient, courseId: string) {
  await queryClient.invalidateQueries({ queryKey: enrolmentKeys.all(courseId) });
}

// — Enrolments of a course —

export type EnrolmentParams = {
  q?: string;
  role?: string;
  groupId?: string;
  status?: 'active' | 'removed';
  page: number;
  pageSize: number;
};

export function useEnrolments(courseId: string, params: EnrolmentParams) {
  return useQuery({
    queryKey: enrolmentKeys.list(courseId, params),
    queryFn: () => get(`${course(courseId)}/enrolments`, (c) => c.enrolment.EnrolmentList, params),
    placeholderData: keepPreviousData,
  });
}

/** People one may enrol, by name or by exact address as the actor may search (`mode` says which). */
export const findCandidates = (courseId: string, q: string) =>
  get(`${course(courseId)}/enrolment-candidates`, (c) => c.enrolment.Candidates, { q });

/** Enrols picked people (by id) or named ones (by address), all in one role. */
export const enrolPeople = (courseId: string, body: z.input<typeof ManualEnrolBody>) =>
  send('POST', `${course(courseId)}/enrolments`, { body, answer: (c) => c.enrolment.ManualEnrolResult });

export const unenrol = (enrolmentId: string) => send('DELETE', path`/api/enrolments/${enrolmentId}`);

// — Bulk enrolment: checked first (the report), then applied —

/** What to enrol; `createAccounts`: create the accounts of addresses that have none (if allowed). */
export type BulkSource =
  | {
      kind: 'lists';
      lists: Partial<Record<'participant' | 'trainer' | 'tutor', string>>;
      createAccounts?: boolean;
    }
  | { kind: 'csv'; file: File; createAccounts?: boolean }
  | { kind: 'cohort'; cohortId: string; role: string };

/** JSON for lists and cohorts, multipart for a CSV file. */
function bulk(courseId: string, source: BulkSource, step: 'validate' | 'apply') {
  const url = `${course(courseId)}/enrolments/${source.kind}/${step}`;
  if (source.kind === 'lists')
    return { url, body: { lists: source.lists, createAccounts: source.createAccounts ?? false } };
  if (source.kind === 'cohort') return { url, body: { cohortId: source.cohortId, role: source.role } };
  return {
    url,
    body: multipart([source.file], { fields: source.createAccounts ? { createAccounts: 'true' } : {} }),
  };
}

/** What an enrolment would do, person by person; nothing is enrolled yet. */
export function checkBulk(courseId: string, source: BulkSource) {
  const { url, body } = bulk(courseId, source, 'validate');
  return send('POST', url, { body, answer: (c) => c.enrolment.EnrolmentReport });
}

/** Applies an enrolment, all or nothing: refused (422, with a new report) when something changed since. */
export function applyBulk(courseId: string, source: BulkSource) {
  const { url, body } = bulk(courseId, source, 'apply');
  return send('POST', url, { body, answer: (c) => c.enrolment.BulkResult });
}

/** A refused bulk enrolment (422) carries the report of what is wrong. */
export function rejectedReport(error: unknown): EnrolmentReport | undefined {
  if (error instanceof ApiError && error.status === 422)
    return (error.problem as unknown as { report?: EnrolmentReport }).report;
  return undefined;
}

/** The cohorts of the course's domain, to enrol one. */
export function useCourseCohorts(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: enrolmentKeys.cohorts(courseId),
    queryFn: () => get(`${course(courseId)}/cohorts`, (c) => c.z.array(c.enrolment.Cohort)),
    enabled,
  });
}

// — Self-enrolment —

export function useSelfEnrolment(courseId: string) {
  return useQuery({
    queryKey: enrolmentKeys.self(courseId),
    queryFn: (query) =>
      partOfCourseView(query, courseId, 'selfEnrolment', () =>
        get(`${course(courseId)}/self-enrolment`, (c) => c.enrolment.SelfEnrolmentState),
      ),
    retry: false,
  });
}

/** Enrols oneself (`true`) or leaves (`false`); the answer is the new state. */
export const setSelfEnrolment = (courseId: string, enrolled: boolean) =>
  send(enrolled ? 'POST' : 'DELETE', `${course(courseId)}/self-enrolment`, {
    answer: (c) => c.enrolment.SelfEnrolmentState,
  });

// — Groups and groupings —

export function useCourseGroups(courseId: string) {
  return useQuery({
    queryKey: enrolmentKeys.groups(courseId),
    queryFn: () => get(`${course(courseId)}/groups`, (c) => c.enrolment.CourseGroups),
  });
}

export const createGroup = (courseId: string, body: z.input<typeof GroupCreateBody>) =>
  send('POST', `${course(courseId)}/groups`, { body });

export const updateGroup = (id: string, body: z.input<typeof GroupUpdateBody>) =>
  send('PATCH', path`/api/groups/${id}`, { body });

export const deleteGroup = (id: string) => send('DELETE', path`/api/groups/${id}`);

export const addGroupMembers = (id: string, userIds: string[]) =>
  send('POST', path`/api/groups/${id}/members`, { body: { userIds } });

export const removeGroupMember = (id: string, userId: string) =>
  send('DELETE', path`/api/groups/${id}/members/${userId}`);

export const createGrouping = (courseId: string, body: z.input<typeof GroupingCreateBody>) =>
  send('POST', `${course(courseId)}/groupings`, { body });

export const updateGrouping = (id: string, body: z.input<typeof GroupingUpdateBody>) =>
  send('PATCH', path`/api/groupings/${id}`, { body });

export const deleteGrouping = (id: string) => send('DELETE', path`/api/groupings/${id}`);

/** Who an activity is for: the groups and groupings it is restricted to, or everyone (`null`). */
export const setAudience = (activityId: string, audience: z.input<typeof AudienceBody>['audience']) =>
  send('PUT', path`/api/activities/${activityId}/audience`, { body: { audience } });
