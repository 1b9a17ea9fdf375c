/**
 * Spreadsheet exports of the follow-up and of the participation list. CSV as French Excel opens it
 * (UTF-8 with a byte-order mark, `;` between fields, CRLF, dates as 20/11/2026); XLSX with real date
 * cells, the header row frozen and filterable.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { type FollowupActivity, formatDuration } from '../../../shared/followup.ts';
import { COMPLETE, FAILED, NOT_CONCERNED, type Person } from './grid.ts';
import { frenchDate, frenchDateTime, parisWallDate } from './time.ts';

/** A cell: text, a number, a day or a moment, or nothing. */
export type Cell = string | number | null | { date: Date; time: boolean };
export type Table = { sheet: string; headers: string[]; widths: number[]; rows: Cell[][] };

/** A text a spreadsheet would run as a formula (=, +, -, @) is written as text. */
function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(table: Table): Buffer {
  const rows = table.rows.map((row) =>
    row.map((cell) => {
      if (cell === null) return '';
      if (typeof cell === 'number') return String(cell);
      if (typeof cell === 'string') return inert(cell);
      return cell.time ? frenchDateTime(cell.date) : frenchDate(cell.date);
    }),
  );
  return Buffer.from(
    stringify([table.headers.map(inert), ...rows], {
      delimiter: ';',
      bom: true,
      record_delimiter: 'windows',
    }),
    'utf8',
  );
}

export async function toXlsx(table: Table, frozenColumns: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Magistère';
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }],
  });
  sheet.columns = table.headers.map((header, i) => ({ header, width: table.widths[i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.map((cell) => (cell !== null && typeof cell === 'object' ? parisWallDate(cell.date) : cell)),
    );
    row.forEach((cell, i) => {
      if (cell !== null && typeof cell === 'object')
        added.getCell(i + 1).numFmt = cell.time ? 'dd/mm/yyyy hh:mm' : 'dd/mm/yyyy';
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.headers.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const day = (date: Date | null): Cell => (date ? { date, time: false } : null);
const moment = (date: Date | null): Cell => (date ? { date, time: true } : null);

/** The follow-up grid as a table: the people's columns, then one column per tracked activity. */
export function gridTable(
  t: TFunction,
  activities: FollowupActivity[],
  groupNames: Map<string, string>,
  people: Person[],
): Table {
  const c = (key: string) => t(`followup.columns.${key}`);
  const headers = [
    c('lastName'),
    c('firstName'),
    c('email'),
    c('roles'),
    c('groups'),
    c('academie'),
    c('departement'),
    c('discipline'),
    c('progress'),
    c('completed'),
    c('courseCompletedAt'),
    c('firstAccess'),
    c('lastAccess'),
    c('timeSpent'),
    c('minutes'),
    ...activities.map((a) => a.title),
  ];
  const widths = [18, 16, 32, 14, 18, 16, 22, 20, 12, 12, 14, 18, 18, 12, 10, ...activities.map(() => 16)];
  const failed = t('followup.cell.failed');
  const notConcerned = t('audience.notConcerned');
  const rows = people.map((p): Cell[] => [
    p.lastName,
    p.firstName,
    p.email,
    p.roles.map((role) => t(`followup.roles.${role}`)).join(', '),
    p.groupIds
      .map((id) => groupNames.get(id) ?? '')
      .filter(Boolean)
      .join(', '),
    p.academie,
    p.departement,
    p.discipline,
    p.progress,
    p.completed,
    day(p.courseCompletedAt),
    moment(p.firstAccessAt),
    moment(p.lastAccessAt),
    formatDuration(p.seconds),
    Math.floor(p.seconds / 60),
    ...activities.map((_, i): Cell => {
      if (p.states[i] === COMPLETE) return day(new Date(p.dates[i]!));
      if (p.states[i] === NOT_CONCERNED) return notConcerned;
      return p.states[i] === FAILED ? failed : null;
    }),
  ]);
  return { sheet: t('followup.sheets.grid'), headers, widths, rows };
}

/** The participation list: one row per participant, for the end of a session. */
export function attendanceTable(t: TFunction, groupNames: Map<string, string>, people: Person[]): Table {
  const c = (key: string) => t(`followup.columns.${key}`);
  const headers = [
    c('lastName'),
    c('firstName'),
    c('email'),
    c('groups'),
    c('progress'),
    c('completed'),
    c('courseCompletedAt'),
    c('firstAccess'),
    c('lastAccess'),
    c('timeSpent'),
    c('minutes'),
  ];
  const rows = people.map((p): Cell[] => [
    p.lastName,
    p.firstName,
    p.email,
    p.groupIds
      .map((id) => groupNames.get(id) ?? '')
      .filter(Boolean)
      .join(', '),
    p.progress,
    p.completed,
    day(p.courseCompletedAt),
    moment(p.firstAccessAt),
    moment(p.lastAccessAt),
    formatDuration(p.seconds),
    Math.floor(p.seconds / 60),
  ]);
  return {
    sheet: t('followup.sheets.attendance'),
    headers,
    widths: [18, 16, 32, 18, 12, 12, 14, 18, 18, 12, 10],
    rows,
  };
}
