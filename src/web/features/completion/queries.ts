/** Completion in the pages: dates as shown, whether a state is shown, and the changes a page makes. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { completionKeys, markDone, useCourseCompletion } from '../../api/completion.ts';
import { progressKeys } from '../../api/progress.ts';

/** "23/11/2026", the date of a completion. */
export const shortDate = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );

/**
 * Whether the person sees a completion state for this activity ("À faire", "Terminé le…"): they are
 * tracked in the course and the activity has a rule. The course page then shows that state alone, not
 * also "Consulté" from what they opened: one activity, one answer.
 */
export function useShowsCompletion(courseId: string, mode: string | undefined, enabled = true) {
  const { data } = useCourseCompletion(courseId, enabled);
  return Boolean(enabled && data?.participant && (mode ?? 'none') !== 'none');
}

/** Marks (or unmarks) a `manual` activity as done; the answer is the new completion of the course. */
export function useMarkDone(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, done }: { activityId: string; done: boolean }) => markDone(activityId, done),
    onSuccess: (completion) => {
      queryClient.setQueryData(completionKeys.course(courseId), completion);
      void queryClient.invalidateQueries({ queryKey: completionKeys.mine });
      // Where to continue is the first activity not done: it moves with this one.
      void queryClient.invalidateQueries({ queryKey: progressKeys.course(courseId) });
    },
  });
}
