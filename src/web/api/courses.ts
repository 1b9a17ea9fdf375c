/** Courses, their sections and activities, and the activity chooser: queries and small mutations. */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Activity,
  ActivityKindInfo as ActivityKindInfoSchema,
  Course,
  CoursePage,
} from '../../shared/api.ts';
import { api } from './client.ts';

export type { Activity, Course, CoursePage, Section } from '../../shared/api.ts';
export type ActivityKindInfo = z.infer<typeof ActivityKindInfoSchema>;

export const courseKeys = {
  all: ['courses'] as const,
  list: (domainId?: string) => ['courses', 'list', domainId ?? 'all'] as const,
  page: (id: string) => ['courses', id] as const,
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
