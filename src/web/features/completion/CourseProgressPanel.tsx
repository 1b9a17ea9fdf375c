/**
 * The top of the course page for a participant: their progress bar. It also records the visit (presence):
 * the course page is a cached answer and records nothing itself.
 */
import { useTranslation } from 'react-i18next';
import { countedActivityIds, progressOf } from '../../../shared/completion.ts';
import { useCompletionCriteria, useCourseCompletion } from '../../api/completion.ts';
import type { ActivitySummary } from '../../api/courses.ts';
import { ProgressMeter } from './ProgressMeter.tsx';

export function CourseProgressPanel({ courseId, show = true }: { courseId: string; show?: boolean }) {
  const { t } = useTranslation();
  const { data } = useCourseCompletion(courseId);
  if (!show || !data?.participant || data.percent === null) return null;
  return (
    <ProgressMeter
      title={t('ui.completion.progress.title')}
      percent={data.percent}
      completed={data.completed}
      tracked={data.tracked}
      completedAt={data.courseCompletedAt}
    />
  );
}

/**
 * The participant preview's progress bar: what a participant who has not started sees, counted with the
 * course's own rule over the activities the preview shows. The editor's own completion plays no part.
 */
export function PreviewProgressPanel({
  courseId,
  activities,
}: {
  courseId: string;
  activities: readonly ActivitySummary[];
}) {
  const { t } = useTranslation();
  const criteria = useCompletionCriteria(courseId).data;
  if (!criteria) return null;
  const tracked = activities.flatMap((a) => (a.completion ? [{ id: a.id, completion: a.completion }] : []));
  const progress = progressOf(countedActivityIds(tracked, criteria), new Set());
  if (progress.percent === null) return null;
  return (
    <ProgressMeter
      title={t('ui.completion.progress.title')}
      percent={progress.percent}
      completed={progress.completed}
      tracked={progress.tracked}
      completedAt={null}
    />
  );
}
