/**
 * The report of a bulk enrolment: how a CSV file was read, totals, groups to create, addresses without
 * an account (create them, or whom to ask), the lines to fix or skipped, and the decision.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert.js';
import { Badge } from '@codegouvfr/react-dsfr/Badge.js';
import { Button } from '@codegouvfr/react-dsfr/Button.js';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox.js';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/format.ts';
import { keyIn, type SuffixOf } from '../../../shared/i18n/keys.ts';
import {
  type CsvFileInfo,
  type EnrolmentReport,
  type ReportEntry,
  rejectedReport,
} from '../../api/enrolment.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const UNKNOWN_SHOWN = 10;

export function BulkReport({
  report,
  showList,
  pending,
  error,
  onConfirm,
  onCancel,
  creating = false,
  onCreateAccounts,
}: {
  report: EnrolmentReport;
  /** Pasted lists: say which list (role) a line is in. */
  showList: boolean;
  pending: boolean;
  /** A failure while the report is on screen (a refusal carrying a new report is the report itself). */
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  /** Whether the actor chose to create the accounts of unknown addresses (shown before the new report). */
  creating?: boolean;
  /** Checks again, creating the accounts of unknown addresses or not. */
  onCreateAccounts?: (create: boolean) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Each new report replaces the form's result: bring keyboard and screen-reader users to it — unless
  // they are already in it (they ticked a box of the report, which stays where it was).
  const seen = useRef<EnrolmentReport | undefined>(undefined);
  useEffect(() => {
    if (seen.current !== report && !ref.current?.contains(document.activeElement)) ref.current?.focus();
    seen.current = report;
  });
  const { totals } = report;
  // `count` chooses the plural, `n` is the number as written in French ("10 000").
  const say = (key: SuffixOf<'ui.enrolment.report'>, count: number) =>
    t(keyIn('ui.enrolment.report', key), { count, n: formatNumber(count) });
  const lines = [
    say('toEnrol', totals.toEnrol),
    totals.toReactivate > 0 ? say('toReactivate', totals.toReactivate) : null,
    totals.accountsToCreate > 0 ? say('accountsToCreate', totals.accountsToCreate) : null,
    totals.alreadyEnrolled > 0 ? say('alreadyEnrolled', totals.alreadyEnrolled) : null,
    totals.errors > 0 ? say('errors', totals.errors) : null,
    totals.groupMemberships > 0 ? say('memberships', totals.groupMemberships) : null,
  ].filter(Boolean);
  const toCreate = report.entries.filter((entry) => entry.status === 'create');
  const others = report.entries.filter((entry) => entry.status !== 'create');
  const failure = error && !rejectedReport(error) ? error : undefined;

  return (
    <section ref={ref} tabIndex={-1} className="fr-mt-3w" aria-labelledby="rapport-inscription-titre">
      <h3 id="rapport-inscription-titre" className="fr-h5">
        {say('title', totals.entries)}
      </h3>
      {report.file ? <FileEncoding file={report.file} /> : null}
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
      <UnknownAccounts
        report={report}
        pending={pending}
        creating={creating}
        onCreateAccounts={onCreateAccounts}
      />
      {others.length > 0 ? <ReportTable entries={others} showList={showList} /> : null}
      {report.omitted > 0 ? <p className="fr-text--sm">{say('omitted', report.omitted)}</p> : null}
      {toCreate.length > 0 ? <AccountsTable entries={toCreate} showList={showList} /> : null}
      {report.file ? <FilePreview file={report.file} /> : null}
      {failure ? <ProblemAlert error={failure} className="fr-mt-3w" /> : null}
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

const ENCODING_KEYS: Record<CsvFileInfo['encoding'], SuffixOf<'ui.enrolment.report.encodings'>> = {
  'utf-8': 'utf8',
  'windows-1252': 'windows1252',
  'utf-16le': 'utf16',
  'utf-16be': 'utf16',
};
const DELIMITER_KEYS: Record<CsvFileInfo['delimiter'], SuffixOf<'ui.enrolment.report.delimiters'>> = {
  ';': 'semicolon',
  ',': 'comma',
  '\t': 'tab',
};

/** How the file was read: said first, so that a wrong guess is the first thing one can notice. */
function FileEncoding({ file }: { file: CsvFileInfo }) {
  const { t } = useTranslation();
  return (
    <p className="fr-mb-2w">
      {t('ui.enrolment.report.fileRead', {
        encoding: t(keyIn('ui.enrolment.report.encodings', ENCODING_KEYS[file.encoding])),
        delimiter: t(keyIn('ui.enrolment.report.delimiters', DELIMITER_KEYS[file.delimiter])),
      })}
    </p>
  );
}

/** The first lines as decoded: a wrong guess shows as garbled letters in the names. */
function FilePreview({ file }: { file: CsvFileInfo }) {
  const { t } = useTranslation();
  const width = Math.max(file.header?.length ?? 0, ...file.preview.map((row) => row.cells.length));
  const headers = Array.from(
    { length: width },
    (_, i) => file.header?.[i] || t('ui.enrolment.report.column', { n: i + 1 }),
  );
  return (
    <div className="fr-mt-3w">
      <ScrollTable
        className="fr-mb-1w"
        caption={t('ui.enrolment.report.previewCaption')}
        headers={[t('ui.enrolment.report.colLine'), ...headers]}
        rows={file.preview.map((row) => ({
          key: String(row.line),
          cells: [String(row.line), ...headers.map((_, i) => row.cells[i] ?? '')],
        }))}
      />
      <p className="fr-hint-text">{t('ui.enrolment.report.previewHint')}</p>
    </div>
  );
}

/**
 * Addresses without an account: those who may create them tick a box (the report is checked again);
 * others are told whom to ask.
 */
function UnknownAccounts({
  report,
  pending,
  creating,
  onCreateAccounts,
}: {
  report: EnrolmentReport;
  pending: boolean;
  creating: boolean;
  onCreateAccounts: ((create: boolean) => void) | undefined;
}) {
  const { t } = useTranslation();
  const { accounts } = report;
  if (accounts.unknown === 0) return null;
  const shown = accounts.unknownEmails.slice(0, UNKNOWN_SHOWN).join(', ');
  const more = accounts.unknown - Math.min(accounts.unknownEmails.length, UNKNOWN_SHOWN);
  const emails =
    more > 0
      ? t('ui.enrolment.report.unknownMore', { list: shown, count: more, n: formatNumber(more) })
      : shown;
  const unknown = t('ui.enrolment.report.unknown', { count: accounts.unknown, emails });
  if (accounts.canCreate && onCreateAccounts)
    return (
      <div className="fr-mt-3w">
        <Alert
          className="fr-mb-2w"
          severity={accounts.create ? 'info' : 'warning'}
          small
          description={<span className="mg-break">{unknown}</span>}
        />
        <Checkbox
          options={[
            {
              label: t('ui.enrolment.report.createAccounts'),
              hintText: t('ui.enrolment.report.createAccountsHint'),
              nativeInputProps: {
                name: 'createAccounts',
                checked: creating,
                disabled: pending,
                onChange: (event) => onCreateAccounts(event.currentTarget.checked),
              },
            },
          ]}
        />
      </div>
    );
  const who = accounts.askTo.map((admin) => `${admin.name}, ${admin.email}`).join(' ; ');
  return (
    <Alert
      className="fr-mt-3w"
      severity="warning"
      as="h4"
      title={t('ui.enrolment.report.unknownTitle')}
      description={
        <>
          <span className="mg-break">{unknown}</span>{' '}
          {who ? t('ui.enrolment.report.askAdmin', { who }) : t('ui.enrolment.report.askAdminNobody')}
        </>
      }
    />
  );
}

/** The accounts to create: the name each will have (from the file or the address) above its address. */
function AccountsTable({ entries, showList }: { entries: ReportEntry[]; showList: boolean }) {
  const { t } = useTranslation();
  return (
    <ScrollTable
      className="fr-mt-2w"
      caption={t('ui.enrolment.report.accountsCaption')}
      headers={[
        t('ui.enrolment.report.colLine'),
        t('ui.enrolment.report.colAccount'),
        showList ? t('ui.enrolment.report.colList') : t('ui.enrolment.report.colRole'),
      ]}
      rows={entries.map((entry) => ({
        key: `${entry.line}-${entry.list ?? ''}`,
        cells: [
          String(entry.line),
          <>
            <span className="fr-text--bold">{entry.name || t('ui.common.none')}</span>
            <span className="fr-hint-text mg-break">{entry.email}</span>
          </>,
          showList && entry.list
            ? t(`ui.enrolment.rolesPlural.${entry.list}`)
            : entry.role
              ? t(`ui.enrolment.roles.${entry.role}`)
              : t('ui.common.none'),
        ],
      }))}
    />
  );
}

/**
 * A DSFR table whose region takes the focus: on a phone it scrolls sideways, and keyboard users must be
 * able to reach what is hidden (the DSFR makes every table a scrolling block).
 */
function ScrollTable({
  caption,
  headers,
  rows,
  className,
}: {
  caption: string;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
  className?: string;
}) {
  const columns = headers.map((label, index) => ({ label, id: `c${index}` }));
  return (
    <div className={`fr-table ${className ?? ''}`}>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region takes the focus so that keyboard users can scroll it */}
      <table tabIndex={0}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {columns.map((column, index) => (
                <td key={column.id}>{row.cells[index]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportTable({ entries, showList }: { entries: ReportEntry[]; showList: boolean }) {
  const { t } = useTranslation();
  const problem = (entry: ReportEntry) =>
    entry.issues
      .map((issue) => t(`ui.enrolment.report.issues.${issue}`, { line: entry.firstLine ?? '' }))
      .join('\u00a0; ');
  return (
    <ScrollTable
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
      rows={entries.map((entry, position) => ({
        key: `${position}`,
        cells: [
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
        ],
      }))}
    />
  );
}
