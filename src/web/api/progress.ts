/** A person's own trail in a course: what they opened, the last one, and where to take it up again. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { get, path, send } from './client.ts';
import { completionKeys } from './completion.ts';
import { partOfCourseView } from './course-view.ts';

export type { CourseProgress } from '../../shared/api.ts';

export const progressKeys = { course: (courseId: string) => ['course-progress', courseId] as const };

/** The logged-in person's own trail in a course: what they opened, and the last one. */
export function useCourseProgress(courseId: string, enabled = true) {
  return useQuery({
    queryKey: progressKeys.course(courseId),
    queryFn: (query) =>
      partOfCourseView(query, courseId, 'progress', () =>
        get(path`/api/courses/${courseId}/progress`, (c) => c.api.CourseProgress),
      ),
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
    send('POST', path`/api/activities/${activityId}/view`)
      .then(() => {
        void queryClient.invalidateQueries({ queryKey: progressKeys.course(courseId) });
        // Opening it may complete it (rule "view"): the completion module's answer for this course.
        void queryClient.invalidateQueries({ queryKey: completionKeys.course(courseId) });
      })
      .catch(() => undefined);
  }, [queryClient, courseId, activityId]);
}
