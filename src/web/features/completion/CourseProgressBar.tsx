/** A course card's progress in "Mon espace", from the person's progress in all their courses (one request). */
import { useTranslation } from 'react-i18next';
import { ProgressMeter } from './ProgressMeter.tsx';
import { useMyProgress } from './queries.ts';

export function CourseProgressBar({ courseId, title }: { courseId: string; title: string }) {
  const { t } = useTranslation();
  const { data } = useMyProgress();
  const mine = data?.find((p) => p.courseId === courseId);
  if (!mine || mine.percent === null) return null;
  return (
    <ProgressMeter
      compact
      title={t('ui.completion.progress.homeLabel', { title })}
      percent={mine.percent}
      completed={mine.completed}
      tracked={mine.tracked}
      completedAt={mine.courseCompletedAt}
    />
  );
}
