/** The report of a bulk enrolment: totals, groups to create, the lines to fix or skipped, and the decision. */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Table } from '@codegouvfr/react-dsfr/Table.js';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.ts';
import type { EnrolmentReport, ReportEntry } from './api.ts';

export function BulkReport({
  report,
  showList,
  pending,
  onConfirm,
  onCancel,
}: {
  report: EnrolmentReport;
  /** Pasted lists: say which list (role) a line is in. */
  showList: boolean;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Each new report replaces the form's result: bring keyboard and screen-reader users to it.
  const seen = useRef<EnrolmentReport | undefined>(undefined);
  useEffect(() => {
    if (seen.current !== report) ref.current?.focus();
    seen.current = report;
  });
  const { totals } = report;
  // `count` chooses the plural, `n` is the number as written in French ("10 000").
  const say = (key: string, count: number) =>
    t(`ui.enrolment.report.${key}`, { count, n: formatNumber(count) });
  const lines = [
    say('toEnrol', totals.toEnrol),
    totals.toReactivate > 0 ? say('toReactivate', totals.toReactivate) : null,
    totals.alreadyEnrolled > 0 ? say('alreadyEnrolled', totals.alreadyEnrolled) : null,
    totals.errors > 0 ? say('errors', totals.errors) : null,
    totals.groupMemberships > 0 ? say('memberships', totals.groupMemberships) : null,
  ].filter(Boolean);

  return (
    <section ref={ref} tabIndex={-1} className="fr-mt-3w" aria-labelledby="rapport-inscription-titre">
      <h3 id="rapport-inscription-titre" className="fr-h5">
        {say('title', totals.entries)}
      </h3>
      <Alert
        severity={report.ok ? 'info' : 'error'}
        as="h4"
        title={report.ok ? t('ui.enrolment.report.okTitle') : t('ui.enrolment.report.errorTitle')}
        description={
          <>
            <ul className="fr-mb-0">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {report.groupsToCreate.length > 0 ? (
              <p className="fr-mt-1w fr-mb-0">
                {t('ui.enrolment.report.groupsToCreate', { names: report.groupsToCreate.join(', ') })}
              </p>
            ) : null}
          </>
        }
      />
      {report.entries.length > 0 ? <ReportTable entries={report.entries} showList={showList} /> : null}
      {report.omitted > 0 ? <p className="fr-text--sm">{say('omitted', report.omitted)}</p> : null}
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mt-2w">
        {report.ok && totals.toEnrol + totals.groupMemberships > 0 ? (
          <li>
            <Button iconId="fr-icon-check-line" disabled={pending} onClick={onConfirm}>
              {t('ui.enrolment.report.confirm')}
            </Button>
          </li>
        ) : null}
        <li>
          <Button priority="secondary" disabled={pending} onClick={onCancel}>
            {t('ui.enrolment.report.cancel')}
          </Button>
        </li>
      </ul>
    </section>
  );
}

function ReportTable({ entries, showList }: { entries: ReportEntry[]; showList: boolean }) {
  const { t } = useTranslation();
  const problem = (entry: ReportEntry) =>
    entry.issues
      .map((issue) => t(`ui.enrolment.report.issues.${issue}`, { line: entry.firstLine ?? '' }))
      .join('\u00a0; ');
  return (
    <Table
      className="fr-mt-2w"
      caption={t('ui.enrolment.report.caption')}
      headers={[
        t('ui.enrolment.report.colLine'),
        ...(showList ? [t('ui.enrolment.report.colList')] : []),
        t('ui.enrolment.report.colEmail'),
        ...(showList ? [] : [t('ui.enrolment.report.colRole'), t('ui.enrolment.report.colGroup')]),
        t('ui.enrolment.report.colProblem'),
        t('ui.enrolment.report.colStatus'),
      ]}
      data={entries.map((entry) => [
        String(entry.line),
        ...(showList && entry.list ? [t(`ui.enrolment.rolesPlural.${entry.list}`)] : showList ? [''] : []),
        <span key="email" className="mg-break">
          {entry.email || t('ui.common.none')}
          {entry.name ? <span className="fr-hint-text">{entry.name}</span> : null}
        </span>,
        ...(showList
          ? []
          : [
              entry.role
                ? t(`ui.enrolment.roles.${entry.role}`)
                : entry.roleText
                  ? `«\u00a0${entry.roleText}\u00a0»`
                  : t('ui.common.none'),
              entry.group ?? t('ui.common.none'),
            ]),
        problem(entry),
        <Badge key="status" small noIcon severity={entry.status === 'error' ? 'error' : 'info'}>
          {entry.status === 'error'
            ? t('ui.enrolment.report.statusError')
            : t('ui.enrolment.report.statusSkip')}
        </Badge>,
      ])}
    />
  );
}
