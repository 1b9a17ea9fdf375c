/**
 * An activity's completion for the participant, on the course page and on the activity's page: done (and
 * when), not passed, or to do; for the `manual` rule, the "Marquer comme terminé" toggle button.
 */
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { useTranslation } from 'react-i18next';
import { useCourseCompletion } from '../../api/completion.ts';
import type { ActivitySummary } from '../../api/courses.ts';
import './completion.css';
import { shortDate, useMarkDone } from './queries.ts';

export function ActivityCompletion({
  courseId,
  activity,
  className,
  preview = false,
}: {
  courseId: string;
  activity: ActivitySummary;
  className?: string;
  /** The participant preview: the state of someone who has not started, and nothing to press. */
  preview?: boolean;
}) {
  const { t } = useTranslation();
  const { data } = useCourseCompletion(courseId, !preview);
  const mark = useMarkDone(courseId);
  const mode = activity.completion?.mode ?? 'none';
  if (mode === 'none' || (!preview && !data?.participant)) return null;
  const state = preview ? undefined : data?.activities.find((a) => a.activityId === activity.id);
  const done = state?.state === 'complete';
  const icon = done
    ? 'fr-icon-checkbox-circle-fill'
    : state?.state === 'failed'
      ? 'fr-icon-close-circle-fill'
      : 'fr-icon-time-line';
  return (
    <div className={`mg-completion${className ? ` ${className}` : ''}`}>
      <p
        className={`fr-mb-0 mg-completion__state${state ? ` mg-completion__state--${state.state}` : ''}`}
        aria-live="polite"
      >
        <span className={`${icon} fr-icon--sm fr-mr-1v`} aria-hidden="true" />
        {state
          ? t(`ui.completion.state.${state.state}`, { date: shortDate(state.completedAt) })
          : t('ui.completion.state.todo')}
      </p>
      {mode === 'manual' ? (
        <Button
          size="small"
          priority={done ? 'tertiary' : 'secondary'}
          iconId={done ? 'fr-icon-checkbox-circle-fill' : 'fr-icon-checkbox-circle-line'}
          disabled={preview || mark.isPending}
          onClick={() => mark.mutate({ activityId: activity.id, done: !done })}
          nativeButtonProps={{
            'aria-pressed': done,
            'aria-label': t('ui.completion.state.markDoneLabel', { title: activity.title }),
          }}
        >
          {t('ui.completion.state.markDone')}
        </Button>
      ) : null}
      {mark.isError ? (
        <p className="fr-error-text fr-mt-0" role="alert">
          {t('ui.completion.state.error')}
        </p>
      ) : null}
    </div>
  );
}
