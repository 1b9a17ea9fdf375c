/** Courses, their sections and activities, and the activity chooser: queries and changes. */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActivityCreateBody,
  ActivityKindInfo as ActivityKindInfoSchema,
  ActivityMoveBody,
  ActivityUpdateBody,
  CourseCreateBody,
  CourseDuplicateBody,
  CoursePage,
  CourseUpdateBody,
  SectionCreateBody,
  SectionUpdateBody,
} from '../../shared/api.ts';
import { get, ifMatch, multipart, path, send } from './client.ts';

export type {
  Activity,
  ActivitySummary,
  Course,
  CoursePage,
  Section,
} from '../../shared/api.ts';
export type ActivityKindInfo = z.infer<typeof ActivityKindInfoSchema>;

export const courseKeys = {
  all: ['courses'] as const,
  lists: ['courses', 'list'] as const,
  list: (domainId?: string) => ['courses', 'list', domainId ?? 'all'] as const,
  /** The course page; every key below it (the participant's view, one activity) is refreshed with it. */
  page: (id: string) => ['courses', id] as const,
  participantView: (id: string) => ['courses', id, 'participant-view'] as const,
  activity: (courseId: string, activityId: string) =>
    ['courses', courseId, 'activities', activityId] as const,
  kinds: ['activity-kinds'] as const,
};

// — Courses —

export function useCourses(domainId?: string) {
  return useQuery({
    queryKey: courseKeys.list(domainId),
    queryFn: () => get('/api/courses', (c) => c.z.array(c.api.Course), { domainId }),
  });
}

const getCoursePage = (id: string, asParticipant = false) =>
  get(path`/api/courses/${id}`, (c) => c.api.CoursePage, asParticipant ? { view: 'participant' } : undefined);

/**
 * The course page. With `asParticipant`, the page as a participant sees it (for an editor's preview): the
 * server leaves out what is hidden or not yet open, and says the page cannot be edited.
 */
export function useCoursePage(id: string, options: { asParticipant?: boolean } = {}) {
  const asParticipant = options.asParticipant ?? false;
  return useQuery({
    queryKey: asParticipant ? courseKeys.participantView(id) : courseKeys.page(id),
    queryFn: () => getCoursePage(id, asParticipant),
  });
}

/** The course page fetched anew, not from the cache: the latest version of what an edit form changes. */
export function fetchCoursePage(queryClient: QueryClient, id: string) {
  return queryClient.fetchQuery({
    queryKey: courseKeys.page(id),
    queryFn: () => getCoursePage(id),
    staleTime: 0,
  });
}

export const createCourse = (body: z.input<typeof CourseCreateBody>) =>
  send('POST', '/api/courses', { body, answer: (c) => c.api.Course });

/** Saves the settings edited at `version` (409 `stale_version` when someone saved in between). */
export const updateCourse = (id: string, body: z.input<typeof CourseUpdateBody>, version: number) =>
  send('PATCH', path`/api/courses/${id}`, { body, headers: ifMatch(version), answer: (c) => c.api.Course });

export const duplicateCourse = (id: string, body: z.input<typeof CourseDuplicateBody>) =>
  send('POST', path`/api/courses/${id}/duplicate`, { body, answer: (c) => c.api.Course });

/** The course as a zip archive (a plain link: the browser downloads it). */
export const courseArchiveUrl = (id: string) => path`/api/courses/${id}/archive`;

/** A course made from an archive, in the domain chosen. */
export const importCourse = (archive: File, domainId: string) =>
  send('POST', '/api/courses/import', {
    body: multipart([archive], { field: 'archive', fields: { domainId } }),
    answer: (c) => c.api.Course,
  });

export const setCourseThumbnail = (id: string, image: File) =>
  send('PUT', path`/api/courses/${id}/thumbnail`, {
    body: multipart([image], { field: 'thumbnail' }),
    answer: (c) => c.api.Course,
  });

export const removeCourseThumbnail = (id: string) => send('DELETE', path`/api/courses/${id}/thumbnail`);

/** Refreshes a course page (and the course lists, whose titles may have changed). */
export async function refreshCourse(queryClient: QueryClient, id: string) {
  await queryClient.invalidateQueries({ queryKey: courseKeys.page(id) });
  void queryClient.invalidateQueries({ queryKey: courseKeys.lists });
}

/** Every activity of the course in reading order. */
export function flattenActivities(page: CoursePage) {
  return page.sections.flatMap((section) => section.activities);
}

// — Sections —

export const createSection = (courseId: string, body: z.input<typeof SectionCreateBody>) =>
  send('POST', path`/api/courses/${courseId}/sections`, { body });

export const orderSections = (courseId: string, ids: string[]) =>
  send('PUT', path`/api/courses/${courseId}/sections/order`, { body: { ids } });

/** With `version`, conditional on it (the section form); without, a change of one field (the eye button). */
export const updateSection = (id: string, body: z.input<typeof SectionUpdateBody>, version?: number) =>
  send('PATCH', path`/api/sections/${id}`, {
    body,
    ...(version === undefined ? {} : { headers: ifMatch(version) }),
  });

export const deleteSection = (id: string) => send('DELETE', path`/api/sections/${id}`);

// — Activities —

const getActivity = (id: string) => get(path`/api/activities/${id}`, (c) => c.api.Activity);

/** One activity fetched anew, not from the cache (see `fetchCoursePage`). */
export function fetchActivity(queryClient: QueryClient, courseId: string, activityId: string) {
  return queryClient.fetchQuery({
    queryKey: courseKeys.activity(courseId, activityId),
    queryFn: () => getActivity(activityId),
    staleTime: 0,
  });
}

/** One activity with all its settings, for its own page and its edit form (the course page has summaries). */
export function useActivity(courseId: string, activityId: string | undefined) {
  return useQuery({
    queryKey: courseKeys.activity(courseId, activityId ?? ''),
    queryFn: () => getActivity(activityId ?? ''),
    enabled: Boolean(activityId),
  });
}

export const createActivity = (courseId: string, body: z.input<typeof ActivityCreateBody>) =>
  send('POST', path`/api/courses/${courseId}/activities`, { body, answer: (c) => c.api.Activity });

/** With `version`, conditional on it (the edit form); without, a change of one field (eye, completion). */
export const updateActivity = (id: string, body: z.input<typeof ActivityUpdateBody>, version?: number) =>
  send('PATCH', path`/api/activities/${id}`, {
    body,
    ...(version === undefined ? {} : { headers: ifMatch(version) }),
    answer: (c) => c.api.Activity,
  });

export const deleteActivity = (id: string) => send('DELETE', path`/api/activities/${id}`);

export const moveActivity = (id: string, body: z.input<typeof ActivityMoveBody>) =>
  send('POST', path`/api/activities/${id}/move`, { body });

// — The activity chooser —

export function useActivityKinds(enabled = true) {
  return useQuery({
    queryKey: courseKeys.kinds,
    queryFn: () => get('/api/activity-kinds', (c) => c.z.array(c.api.ActivityKindInfo)),
    enabled,
    staleTime: 60_000,
  });
}

export const setFavouriteKind = (kind: string, favourite: boolean) =>
  send('PUT', path`/api/activity-kinds/${kind}/favourite`, { body: { favourite } });
