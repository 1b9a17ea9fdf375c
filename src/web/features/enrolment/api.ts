/** Enrolment, groups and cohorts: queries, and the calls whose refusals carry a report. */
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type {
  BulkResult,
  Candidates,
  Cohort,
  CohortDetail,
  CourseGroups,
  EnrolmentList,
  EnrolmentReport,
  SelfEnrolmentState,
} from '../../../shared/enrolment.ts';
import { ApiError, api, NETWORK_ERROR } from '../../api/client.ts';

export type {
  BulkResult,
  Candidates,
  Cohort,
  CohortDetail,
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
} from '../../../shared/enrolment.ts';

const course = (id: string) => `/api/courses/${encodeURIComponent(id)}`;

export const enrolmentKeys = {
  all: (courseId: string) => ['enrolment', courseId] as const,
  list: (courseId: string, params: EnrolmentParams) => ['enrolment', courseId, 'list', params] as const,
  groups: (courseId: string) => ['enrolment', courseId, 'groups'] as const,
  cohorts: (courseId: string) => ['enrolment', courseId, 'cohorts'] as const,
  self: (courseId: string) => ['self-enrolment', courseId] as const,
  adminCohorts: ['cohorts'] as const,
  adminCohort: (id: string) => ['cohorts', id] as const,
};

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
    queryFn: () => api.get<EnrolmentList>(`${course(courseId)}/enrolments`, params),
    placeholderData: keepPreviousData,
  });
}

export function useCourseGroups(courseId: string) {
  return useQuery({
    queryKey: enrolmentKeys.groups(courseId),
    queryFn: () => api.get<CourseGroups>(`${course(courseId)}/groups`),
  });
}

export function useCourseCohorts(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: enrolmentKeys.cohorts(courseId),
    queryFn: () => api.get<Cohort[]>(`${course(courseId)}/cohorts`),
    enabled,
  });
}

export function fetchCandidates(courseId: string, q: string) {
  return api.get<Candidates>(`${course(courseId)}/enrolment-candidates`, { q });
}

export function useSelfEnrolment(courseId: string) {
  return useQuery({
    queryKey: enrolmentKeys.self(courseId),
    queryFn: () => api.get<SelfEnrolmentState>(`${course(courseId)}/self-enrolment`),
    retry: false,
  });
}

/** Everything about a course's people changed: lists, groups, and the course itself (access). */
export async function refreshEnrolment(queryClient: QueryClient, courseId: string) {
  await queryClient.invalidateQueries({ queryKey: enrolmentKeys.all(courseId) });
}

/** A refused bulk enrolment (422) carries the report of what is wrong. */
export function rejectedReport(error: unknown): EnrolmentReport | undefined {
  if (error instanceof ApiError && error.status === 422)
    return (error.problem as unknown as { report?: EnrolmentReport }).report;
  return undefined;
}

/** What to enrol; `createAccounts`: create the accounts of addresses that have none (if allowed). */
export type BulkSource =
  | {
      kind: 'lists';
      lists: Partial<Record<'participant' | 'trainer' | 'tutor', string>>;
      createAccounts?: boolean;
    }
  | { kind: 'csv'; file: File; createAccounts?: boolean }
  | { kind: 'cohort'; cohortId: string; role: string };

/** Sends a bulk enrolment to validate or apply: JSON for lists and cohorts, multipart for a CSV file. */
export async function sendBulk<T extends EnrolmentReport | BulkResult>(
  courseId: string,
  source: BulkSource,
  step: 'validate' | 'apply',
  options: { csrfToken?: string; locale?: string } = {},
): Promise<T> {
  const base = `${course(courseId)}/enrolments`;
  if (source.kind === 'lists')
    return api.post<T>(`${base}/lists/${step}`, {
      lists: source.lists,
      createAccounts: source.createAccounts ?? false,
    });
  if (source.kind === 'cohort')
    return api.post<T>(`${base}/cohort/${step}`, { cohortId: source.cohortId, role: source.role });
  const body = new FormData();
  if (source.createAccounts) body.append('createAccounts', 'true');
  body.append('file', source.file, source.file.name);
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': options.locale ?? 'fr',
  };
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(`${base}/csv/${step}`, {
      method: 'POST',
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: '', status: 0, code: NETWORK_ERROR });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    // The whole problem is kept: its `report` and its field errors (the file's line, say).
    const problem = (data ?? {}) as Record<string, unknown>;
    throw new ApiError({
      ...problem,
      type: typeof problem.type === 'string' ? problem.type : 'about:blank',
      title: typeof problem.title === 'string' ? problem.title : response.statusText,
      status: response.status,
      code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
    } as ConstructorParameters<typeof ApiError>[0]);
  }
  return data as T;
}

// — Cohorts (administration) —

export function useCohorts() {
  return useQuery({ queryKey: enrolmentKeys.adminCohorts, queryFn: () => api.get<Cohort[]>('/api/cohorts') });
}

export function useCohort(id: string) {
  return useQuery({
    queryKey: enrolmentKeys.adminCohort(id),
    queryFn: () => api.get<CohortDetail>(`/api/cohorts/${encodeURIComponent(id)}`),
  });
}
