/** Completion: the actor's completion in a course, their progress everywhere, a course's criteria. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CourseCompletionCriteria } from '../../shared/completion.ts';
import { get, path, send } from './client.ts';
import { partOfCourseView } from './course-view.ts';

export type {
  CompletionRule,
  CourseCompletionCriteria,
  MyCourseCompletion,
  MyCourseProgress,
} from '../../shared/completion.ts';

export const completionKeys = {
  course: (courseId: string) => ['completion', courseId] as const,
  criteria: (courseId: string) => ['completion', courseId, 'criteria'] as const,
  mine: ['completion', 'me'] as const,
};

/** The logged-in person's completion in a course (shared by the progress bar and every activity's state). */
export function useCourseCompletion(courseId: string, enabled = true) {
  return useQuery({
    queryKey: completionKeys.course(courseId),
    queryFn: (query) =>
      partOfCourseView(query, courseId, 'completion', () =>
        get(path`/api/courses/${courseId}/completion`, (c) => c.completion.MyCourseCompletion),
      ),
    enabled,
    retry: false,
  });
}

/** Their progress in each of their courses, for "Mon espace". */
export function useMyProgress() {
  return useQuery({
    queryKey: completionKeys.mine,
    queryFn: () => get('/api/me/progress', (c) => c.z.array(c.completion.MyCourseProgress)),
    retry: false,
  });
}

export function useCompletionCriteria(courseId: string) {
  return useQuery({
    queryKey: completionKeys.criteria(courseId),
    queryFn: () =>
      get(path`/api/courses/${courseId}/completion-criteria`, (c) => c.completion.CourseCompletionCriteria),
  });
}

export const saveCompletionCriteria = (courseId: string, body: z.input<typeof CourseCompletionCriteria>) =>
  send('PUT', path`/api/courses/${courseId}/completion-criteria`, {
    body,
    answer: (c) => c.completion.CourseCompletionCriteria,
  });

/** Marks (or unmarks) a `manual` activity as done; the answer is the new completion of the course. */
export const markDone = (activityId: string, done: boolean) =>
  send(done ? 'POST' : 'DELETE', path`/api/activities/${activityId}/completion`, {
    answer: (c) => c.completion.MyCourseCompletion,
  });

/** Tells the server the person opened the course page (their presence). */
