/**
 * The follow-up grid: one row per participant, one column per tracked activity. The header row and the
 * participants' column stay in view while the table scrolls; each state is an icon of its own shape
 * with its words for screen readers, and its date in a tooltip — never colour alone.
 */
import { useTranslation } from 'react-i18next';
import {
  CELL,
  type FollowupGrid,
  type FollowupRow,
  type FollowupSort,
  formatDuration,
} from '../../../shared/followup.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import type { GridView } from './view.ts';

const shortDate = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' });

function SortHeader({
  label,
  sort,
  view,
  onSort,
  className,
}: {
  label: string;
  sort: FollowupSort;
  view: GridView;
  onSort: (sort: FollowupSort, order: 'asc' | 'desc') => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const active = view.sort === sort;
  const next = active && view.order === 'asc' ? 'desc' : 'asc';
  const icon = active
    ? view.order === 'asc'
      ? 'fr-icon-arrow-up-s-line'
      : 'fr-icon-arrow-down-s-line'
    : 'fr-icon-arrow-up-down-line';
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="mg-sort" onClick={() => onSort(sort, next)}>
        {label}
        <span className={`${icon} fr-icon--sm`} aria-hidden="true" />
        <span className="fr-sr-only">
          {active
            ? ` (${view.order === 'asc' ? t('ui.followup.grid.sortedAsc') : t('ui.followup.grid.sortedDesc')})`
            : ` — ${t('ui.followup.grid.sortBy', { column: label })}`}
        </span>
      </button>
    </th>
  );
}

function StateCell({ state, at }: { state: string; at: number | null }) {
  const { t } = useTranslation();
  if (state === CELL.complete || state === CELL.failed) {
    const date = at ? new Date(at) : null;
    const key = state === CELL.complete ? 'complete' : 'failed';
    const tooltip = t(`ui.followup.grid.${key}`, { date: date ? shortDate.format(date) : '' });
    return (
      <td className={`mg-cell mg-cell--${key}`}>
        <span
          className={`${state === CELL.complete ? 'fr-icon-checkbox-circle-fill' : 'fr-icon-close-circle-fill'}`}
          aria-hidden="true"
          title={tooltip}
        />
        <span className="fr-sr-only">
          {t(`ui.followup.grid.${key}`, { date: date ? formatDate(date) : '' })}
        </span>
      </td>
    );
  }
  if (state === CELL.notConcerned)
    return (
      <td className="mg-cell mg-cell--excluded">
        <span aria-hidden="true" title={t('audience.cell')}>
          {t('audience.notConcerned')}
        </span>
        <span className="fr-sr-only">{t('audience.cell')}</span>
      </td>
    );
  return (
    <td className="mg-cell mg-cell--none">
      <span aria-hidden="true" title={t('ui.followup.grid.none')}>
        –
      </span>
      <span className="fr-sr-only">{t('ui.followup.grid.none')}</span>
    </td>
  );
}

export function ProgressBar({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return <span className="mg-muted">—</span>;
  return (
    <span className="mg-grid-progress">
      <span className="mg-grid-progress__bar" aria-hidden="true">
        <span style={{ width: `${value}%` }} />
      </span>
      <span className="mg-grid-progress__value">{t('ui.followup.grid.percent', { value })}</span>
    </span>
  );
}

export function GridTable({
  grid,
  view,
  onSort,
}: {
  grid: FollowupGrid;
  view: GridView;
  onSort: (sort: FollowupSort, order: 'asc' | 'desc') => void;
}) {
  const { t } = useTranslation();
  const groupName = new Map(grid.groups.map((g) => [g.id, g.name]));
  const profile = (row: FollowupRow) => [row.discipline, row.departement].filter(Boolean).join(' · ');
  const pages = Math.max(1, Math.ceil(grid.total / grid.pageSize));
  return (
    <>
      <p className="mg-legend fr-text--sm">
        <span>{t('ui.followup.grid.legend')}</span>
        <span>
          <span className="fr-icon-checkbox-circle-fill fr-icon--sm mg-cell--complete" aria-hidden="true" />{' '}
          {t('ui.followup.grid.legendComplete')}
        </span>
        <span>
          <span className="fr-icon-close-circle-fill fr-icon--sm mg-cell--failed" aria-hidden="true" />{' '}
          {t('ui.followup.grid.legendFailed')}
        </span>
        <span>
          <span aria-hidden="true" className="mg-cell--none">
            –
          </span>{' '}
          {t('ui.followup.grid.legendNone')}
        </span>
        {grid.totals.concerned.some((count) => count < grid.total) ? (
          <span>
            <span className="mg-cell--excluded mg-legend__excluded" aria-hidden="true">
              {t('audience.notConcerned')}
            </span>{' '}
            {t('audience.legend')}
          </span>
        ) : null}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region takes the focus so that keyboard users can scroll it */}
      <section className="mg-grid" aria-label={t('ui.followup.grid.region')} tabIndex={0}>
        <table>
          <caption className="fr-sr-only">
            {t('ui.followup.grid.caption')} — {t('ui.followup.grid.page', { page: grid.page, pages })}
          </caption>
          <thead>
            <tr>
              <SortHeader
                className="mg-grid__first"
                label={t('ui.followup.grid.participant')}
                sort="name"
                view={view}
                onSort={onSort}
              />
              <th scope="col">{t('ui.followup.grid.groups')}</th>
              <SortHeader
                label={t('ui.followup.grid.progress')}
                sort="progress"
                view={view}
                onSort={onSort}
              />
              <SortHeader
                label={t('ui.followup.grid.lastAccess')}
                sort="lastAccess"
                view={view}
                onSort={onSort}
              />
              <SortHeader
                label={t('ui.followup.grid.timeSpent')}
                sort="timeSpent"
                view={view}
                onSort={onSort}
              />
              {grid.activities.map((activity) => (
                <th scope="col" key={activity.id} className="mg-grid__activity">
                  <span className="mg-clamp" title={activity.title}>
                    {activity.title}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.userId}>
                <th scope="row" className="mg-grid__first">
                  <span className="mg-block">
                    {row.lastName} {row.firstName}
                  </span>
                  <span className="mg-block fr-text--xs fr-mb-0 mg-muted mg-break">{row.email}</span>
                  {profile(row) ? (
                    <span className="mg-block fr-text--xs fr-mb-0 mg-muted">{profile(row)}</span>
                  ) : null}
                </th>
                <td className="fr-text--sm">
                  {row.groupIds
                    .map((id) => groupName.get(id))
                    .filter(Boolean)
                    .join(', ') || t('ui.followup.grid.noGroup')}
                </td>
                <td>
                  <ProgressBar value={row.progress} />
                </td>
                <td className="fr-text--sm">
                  {row.lastAccessAt ? formatDateTime(row.lastAccessAt) : t('ui.common.never')}
                </td>
                <td className="fr-text--sm mg-nowrap">{formatDuration(row.seconds)}</td>
                {grid.activities.map((activity, i) => (
                  <StateCell key={activity.id} state={row.states[i] ?? CELL.none} at={row.dates[i] ?? null} />
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="mg-grid__first">
                {t('ui.followup.grid.totals')}
              </th>
              <td colSpan={4} className="fr-text--sm">
                {grid.averageProgress !== null
                  ? t('ui.followup.grid.average', {
                      value: t('ui.followup.grid.percent', { value: grid.averageProgress }),
                    })
                  : null}
              </td>
              {grid.activities.map((activity, i) => (
                <td key={activity.id} className="fr-text--sm mg-nowrap">
                  {t('ui.followup.grid.totalOf', {
                    count: grid.totals.complete[i] ?? 0,
                    total: grid.totals.concerned[i] ?? grid.total,
                  })}
                  {grid.totals.failed[i] ? (
                    <span className="mg-block mg-muted">
                      {t('ui.followup.grid.failedCount', { count: grid.totals.failed[i] })}
                    </span>
                  ) : null}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  );
}
