/** A progress bar in DSFR colours with its text ("45 % — 9 activités sur 20"), readable by screen readers. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './completion.css';
import { shortDate } from './queries.ts';

export function ProgressMeter({
  title,
  percent,
  completed,
  tracked,
  completedAt,
  compact = false,
}: {
  title: string;
  percent: number;
  completed: number;
  tracked: number;
  completedAt: string | null;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const summary = t('ui.completion.progress.summary', { percent, count: completed, total: tracked });
  return (
    <div className={`mg-progress${compact ? ' mg-progress--compact' : ''}`}>
      <p id={`${id}-title`} className={compact ? 'fr-sr-only' : 'mg-progress__title'}>
        {title}
      </p>
      <div
        className="mg-progress__track"
        role="progressbar"
        aria-labelledby={`${id}-title`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={summary}
      >
        <div
          className={`mg-progress__fill${completedAt ? ' mg-progress__fill--done' : ''}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mg-progress__text" aria-live="polite">
        {summary}
        {completedAt ? (
          <>
            {' · '}
            <strong>{t('ui.completion.progress.courseDone', { date: shortDate(completedAt) })}</strong>
          </>
        ) : null}
      </p>
    </div>
  );
}
