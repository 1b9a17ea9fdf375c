/** Completion on the web side: the actor's completion in a course, their progress everywhere, and changes. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type {
  CompletionRule,
  CourseCompletionCriteria,
  MyCourseCompletion,
  MyCourseProgress,
} from '../../../shared/completion.ts';
import { api } from '../../api/client.ts';

export type { CompletionRule, CourseCompletionCriteria, MyCourseCompletion, MyCourseProgress };

export const completionKeys = {
  course: (courseId: string) => ['completion', courseId] as const,
  criteria: (courseId: string) => ['completion', courseId, 'criteria'] as const,
  mine: ['completion', 'me'] as const,
};

/** "23/11/2026", the date of a completion. */
export const shortDate = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );

/** The logged-in person's completion in a course (shared by the progress bar and every activity's state). */
export function useCourseCompletion(courseId: string, enabled = true) {
  return useQuery({
    queryKey: completionKeys.course(courseId),
    queryFn: () => api.get<MyCourseCompletion>(`/api/courses/${encodeURIComponent(courseId)}/completion`),
    enabled,
    retry: false,
  });
}

/**
 * Whether the person sees a completion state for this activity ("À faire", "Terminé le…"): they are
 * tracked in the course and the activity has a rule. The course page then shows that state alone, not
 * also "Consulté" from what they opened: one activity, one answer.
 */
export function useShowsCompletion(courseId: string, mode: string | undefined, enabled = true) {
  const { data } = useCourseCompletion(courseId, enabled);
  return Boolean(enabled && data?.participant && (mode ?? 'none') !== 'none');
}

/** Their progress in each of their courses, for "Mon espace". */
export function useMyProgress() {
  return useQuery({
    queryKey: completionKeys.mine,
    queryFn: () => api.get<MyCourseProgress[]>('/api/me/progress'),
    retry: false,
  });
}

export function useCompletionCriteria(courseId: string) {
  return useQuery({
    queryKey: completionKeys.criteria(courseId),
    queryFn: () =>
      api.get<CourseCompletionCriteria>(`/api/courses/${encodeURIComponent(courseId)}/completion-criteria`),
  });
}

/** Marks (or unmarks) a `manual` activity as done; the answer is the new completion of the course. */
export function useMarkDone(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, done }: { activityId: string; done: boolean }) => {
      const url = `/api/activities/${encodeURIComponent(activityId)}/completion`;
      return done ? api.post<MyCourseCompletion>(url) : api.delete<MyCourseCompletion>(url);
    },
    onSuccess: (completion) => {
      queryClient.setQueryData(completionKeys.course(courseId), completion);
      void queryClient.invalidateQueries({ queryKey: completionKeys.mine });
    },
  });
}

/**
 * Tells the server the person opened the course page (their presence), once per course shown. The course
 * page itself is a cached answer shared by everyone: it cannot record anything.
 */
export function useRecordVisit(courseId: string) {
  const recorded = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (recorded.current === courseId) return;
    recorded.current = courseId;
    api.post(`/api/courses/${encodeURIComponent(courseId)}/visit`).catch(() => undefined);
  }, [courseId]);
}
