/** Courses, their sections and activities, and the activity chooser: queries and small mutations. */
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type {
  Activity,
  ActivityKindInfo as ActivityKindInfoSchema,
  Course,
  CoursePage,
  CourseProgress,
} from '../../shared/api.ts';
import { api } from './client.ts';

export type { Activity, Course, CoursePage, CourseProgress, Section } from '../../shared/api.ts';
export type ActivityKindInfo = z.infer<typeof ActivityKindInfoSchema>;

export const courseKeys = {
  all: ['courses'] as const,
  list: (domainId?: string) => ['courses', 'list', domainId ?? 'all'] as const,
  page: (id: string) => ['courses', id] as const,
  progress: (id: string) => ['course-progress', id] as const,
  kinds: ['activity-kinds'] as const,
};

export function useCourses(domainId?: string) {
  return useQuery({
    queryKey: courseKeys.list(domainId),
    queryFn: () => api.get<Course[]>('/api/courses', { domainId }),
  });
}

export function useCoursePage(id: string) {
  return useQuery({
    queryKey: courseKeys.page(id),
    queryFn: () => api.get<CoursePage>(`/api/courses/${encodeURIComponent(id)}`),
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

/** Every activity of the course in reading order, with the title of its section. */
export function flattenActivities(page: CoursePage): Activity[] {
  return page.sections.flatMap((section) => section.activities);
}

/** Refreshes a course page (and the course lists, whose titles may have changed). */
export async function refreshCourse(queryClient: QueryClient, id: string) {
  await queryClient.invalidateQueries({ queryKey: courseKeys.page(id) });
  void queryClient.invalidateQueries({ queryKey: ['courses', 'list'] });
}
