/** Courses, their sections and activities, and the activity chooser: queries and small mutations. */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type {
  Activity,
  ActivityKindInfo as ActivityKindInfoSchema,
  ActivitySummary,
  Course,
  CoursePage,
  CourseProgress,
} from '../../shared/api.ts';
import { api } from './client.ts';

export type {
  Activity,
  ActivitySummary,
  Course,
  CoursePage,
  CourseProgress,
  Section,
} from '../../shared/api.ts';
export type ActivityKindInfo = z.infer<typeof ActivityKindInfoSchema>;

export const courseKeys = {
  all: ['courses'] as const,
  list: (domainId?: string) => ['courses', 'list', domainId ?? 'all'] as const,
  /** The course page; every key below it (the participant's view, one activity) is refreshed with it. */
  page: (id: string) => ['courses', id] as const,
  participantView: (id: string) => ['courses', id, 'participant-view'] as const,
  activity: (courseId: string, activityId: string) =>
    ['courses', courseId, 'activities', activityId] as const,
  progress: (id: string) => ['course-progress', id] as const,
  kinds: ['activity-kinds'] as const,
};

export function useCourses(domainId?: string) {
  return useQuery({
    queryKey: courseKeys.list(domainId),
    queryFn: () => api.get<Course[]>('/api/courses', { domainId }),
  });
}

/**
 * The course page. With `asParticipant`, the page as a participant sees it (for an editor's preview): the
 * server leaves out what is hidden or not yet open, and says the page cannot be edited.
 */
export function useCoursePage(id: string, options: { asParticipant?: boolean } = {}) {
  const asParticipant = options.asParticipant ?? false;
  return useQuery({
    queryKey: asParticipant ? courseKeys.participantView(id) : courseKeys.page(id),
    queryFn: () =>
      api.get<CoursePage>(
        `/api/courses/${encodeURIComponent(id)}`,
        asParticipant ? { view: 'participant' } : undefined,
      ),
  });
}

/** The course page fetched anew, not from the cache: the latest version of what an edit form changes. */
export function fetchCoursePage(queryClient: QueryClient, id: string) {
  return queryClient.fetchQuery({
    queryKey: courseKeys.page(id),
    queryFn: () => api.get<CoursePage>(`/api/courses/${encodeURIComponent(id)}`),
    staleTime: 0,
  });
}

/** One activity fetched anew, not from the cache (see `fetchCoursePage`). */
export function fetchActivity(queryClient: QueryClient, courseId: string, activityId: string) {
  return queryClient.fetchQuery({
    queryKey: courseKeys.activity(courseId, activityId),
    queryFn: () => api.get<Activity>(`/api/activities/${encodeURIComponent(activityId)}`),
    staleTime: 0,
  });
}

/** One activity with all its settings, for its own page and its edit form (the course page has summaries). */
export function useActivity(courseId: string, activityId: string | undefined) {
  return useQuery({
    queryKey: courseKeys.activity(courseId, activityId ?? ''),
    queryFn: () => api.get<Activity>(`/api/activities/${encodeURIComponent(activityId ?? '')}`),
    enabled: Boolean(activityId),
  });
}

/** The logged-in person's own trail in a course: what they opened, and the last one. */
export function useCourseProgress(id: string, enabled = true) {
  return useQuery({
    queryKey: courseKeys.progress(id),
    queryFn: () => api.get<CourseProgress>(`/api/courses/${encodeURIComponent(id)}/progress`),
    enabled,
    retry: false,
  });
}

/** Records, once per activity shown, that the person opened it (fire and forget), then refreshes the progress. */
export function useRecordView(courseId: string, activityId: string | undefined) {
  const queryClient = useQueryClient();
  const recorded = useRef<string | undefined>(undefined);
  useEffect(() => {
    // The ref keeps StrictMode's second effect run (and re-renders) from recording the same view twice.
    if (!activityId || recorded.current === activityId) return;
    recorded.current = activityId;
    api
      .post(`/api/activities/${encodeURIComponent(activityId)}/view`)
      .then(() => {
        void queryClient.invalidateQueries({ queryKey: courseKeys.progress(courseId) });
        // Opening it may complete it (rule "view"): the completion module's answer for this course.
        void queryClient.invalidateQueries({ queryKey: ['completion', courseId] });
      })
      .catch(() => undefined);
  }, [queryClient, courseId, activityId]);
}

export function useActivityKinds(enabled = true) {
  return useQuery({
    queryKey: courseKeys.kinds,
    queryFn: () => api.get<ActivityKindInfo[]>('/api/activity-kinds'),
    enabled,
    staleTime: 60_000,
  });
}

/** Every activity of the course in reading order. */
export function flattenActivities(page: CoursePage): ActivitySummary[] {
  return page.sections.flatMap((section) => section.activities);
}

/** Refreshes a course page (and the course lists, whose titles may have changed). */
export async function refreshCourse(queryClient: QueryClient, id: string) {
  await queryClient.invalidateQueries({ queryKey: courseKeys.page(id) });
  void queryClient.invalidateQueries({ queryKey: ['courses', 'list'] });
}
