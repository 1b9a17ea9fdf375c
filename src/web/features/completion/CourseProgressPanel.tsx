/**
 * The top of the course page for a participant: their progress bar. It also records the visit (presence):
 * the course page is a cached answer and records nothing itself.
 */
import { useTranslation } from 'react-i18next';
import { ProgressMeter } from './ProgressMeter.tsx';
import { useCourseCompletion, useRecordVisit } from './queries.ts';

export function CourseProgressPanel({ courseId, show = true }: { courseId: string; show?: boolean }) {
  const { t } = useTranslation();
  useRecordVisit(courseId);
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
