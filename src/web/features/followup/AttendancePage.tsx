/**
 * `/parcours/:id/attestation`: who took part in the session — completion, dates of access, time spent —
 * to attach to the session's report, exportable as CSV and XLSX.
 */
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDuration } from '../../../shared/followup.ts';
import { formatDate, formatDateTime } from '../../../shared/format.ts';
import { attendanceExportUrl, useAttendance } from '../../api/followup.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ProgressBar } from './GridTable.tsx';
import './followup.css';
import { CourseNav } from '../workflow/CourseNav.tsx';

export function AttendancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useAttendance(id);
  const data = query.data;
  const title = data?.course.title ?? '';
  const completed = data?.rows.filter((r) => r.courseCompletedAt).length ?? 0;
  const average = data?.rows.length ? data.rows.reduce((n, r) => n + r.seconds, 0) / data.rows.length : 0;

  return (
    <>
      <PageHeading
        title={t('ui.followup.attendance.title')}
        crumbs={title ? [{ label: title, to: `/parcours/${id}` }] : []}
      >
        <p>{t('ui.followup.attendance.intro')}</p>
      </PageHeading>
      <CourseNav courseId={id} current="attendance" />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ProblemAlert error={query.error} />
      ) : data!.rows.length === 0 ? (
        <EmptyState
          message={t('ui.followup.attendance.empty')}
          next={t('ui.followup.attendance.emptyNext')}
        />
      ) : (
        <>
          <p className="fr-text--lg fr-mb-1w">
            {t('ui.followup.attendance.summary', {
              participants: data!.rows.length,
              completed,
              average: formatDuration(average),
            })}
          </p>
          <p className="fr-hint-text">{t('ui.followup.attendance.timeSpentHint')}</p>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-btns-group--icon-left fr-mb-2w">
            <li>
              <a
                className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left"
                href={attendanceExportUrl(id, 'csv')}
                download
              >
                {t('ui.followup.attendance.exportCsv')}
              </a>
            </li>
            <li>
              <a
                className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left"
                href={attendanceExportUrl(id, 'xlsx')}
                download
              >
                {t('ui.followup.attendance.exportXlsx')}
              </a>
            </li>
          </ul>
          <Table
            caption={t('ui.followup.attendance.caption')}
            bordered
            headers={[
              t('ui.followup.attendance.colParticipant'),
              t('ui.followup.attendance.colGroups'),
              t('ui.followup.attendance.colProgress'),
              t('ui.followup.attendance.colCompletedAt'),
              t('ui.followup.attendance.colFirstAccess'),
              t('ui.followup.attendance.colLastAccess'),
              t('ui.followup.attendance.colTimeSpent'),
            ]}
            data={data!.rows.map((row) => [
              <span key="name">
                <span className="mg-block">
                  {row.lastName} {row.firstName}
                </span>
                <span className="mg-block fr-text--xs fr-mb-0 mg-muted mg-break">{row.email}</span>
              </span>,
              row.groups.join(', ') || '—',
              <ProgressBar key="progress" value={row.progress} />,
              row.courseCompletedAt
                ? formatDate(row.courseCompletedAt)
                : t('ui.followup.attendance.notCompleted'),
              row.firstAccessAt ? formatDateTime(row.firstAccessAt) : t('ui.common.never'),
              row.lastAccessAt ? formatDateTime(row.lastAccessAt) : t('ui.common.never'),
              row.timeSpent,
            ])}
          />
        </>
      )}
    </>
  );
}
