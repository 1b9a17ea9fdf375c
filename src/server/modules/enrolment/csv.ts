/**
 * Reading an enrolment CSV as teachers and secretariats produce them: exported from a spreadsheet in
 * French (Windows-1252 or UTF-8, `;`) or English (`,`), with or without a header row (in French or
 * English), columns e-mail, role, group, and optionally first and last names (used for the accounts
 * created for unknown addresses). Decoding and delimiters are the shared CSV reader's.
 */
import { BULK_MAX_ENTRIES, type CsvFileInfo, fold, isEmail } from '../../../shared/enrolment.ts';
import { CsvSyntaxError, readCsv } from '../../platform/csv/index.ts';
import { HttpProblem } from '../../platform/http/problem.ts';

/** One data line: its line number in the file (1-based, the header counted) and its cells. */
export type CsvRow = {
  line: number;
  email: string;
  role: string;
  group: string;
  firstName: string;
  lastName: string;
};
export type EnrolmentCsv = { rows: CsvRow[]; file: CsvFileInfo };

type Column = 'email' | 'role' | 'group' | 'firstName' | 'lastName';
const HEADERS: Record<Column, string[]> = {
  email: [
    'email',
    'e-mail',
    'mail',
    'courriel',
    'adresse',
    'adresse electronique',
    'adresse mail',
    'adresse e-mail',
    'adresse courriel',
  ],
  role: ['role', 'roles'],
  group: ['group', 'groupe', 'groups', 'groupes'],
  firstName: ['prenom', 'first name', 'firstname', 'given name'],
  lastName: [
    'nom',
    'nom de famille',
    "nom d'usage",
    'nom d’usage',
    'last name',
    'lastname',
    'surname',
    'family name',
  ],
};
const PREVIEW_LINES = 5;
const PREVIEW_COLUMNS = 8;
const PREVIEW_CELL = 100;

const fileProblem = (code: string, key: string, params?: Record<string, string | number>) =>
  new HttpProblem(400, code, `errors.enrolment.${key}`, {
    errors: [{ path: 'file', message: `errors.enrolment.${key}`, ...(params ? { params } : {}) }],
  });

/** Which column holds what, when the first row is a header; null when it is data. */
function headerColumns(cells: string[]): Record<Column, number> | null {
  const folded = cells.map(fold);
  if (folded.some((cell) => isEmail(cell))) return null;
  const find = (names: string[]) => folded.findIndex((cell) => names.includes(cell));
  const columns = {
    email: find(HEADERS.email),
    role: find(HEADERS.role),
    group: find(HEADERS.group),
    firstName: find(HEADERS.firstName),
    lastName: find(HEADERS.lastName),
  };
  if (Object.values(columns).every((index) => index < 0)) return null;
  return columns;
}

const clip = (cells: string[]) => cells.slice(0, PREVIEW_COLUMNS).map((cell) => cell.slice(0, PREVIEW_CELL));

/**
 * The data rows of a CSV file and how it was read; file-level problems (syntax, size, no address
 * column) are 400 problems.
 */
export function parseEnrolmentCsv(bytes: Uint8Array): EnrolmentCsv {
  let table: ReturnType<typeof readCsv>;
  try {
    table = readCsv(bytes);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw fileProblem('csv_unreadable', 'csvUnreadable', { line: error.line });
    throw error;
  }
  const records = table.records;
  if (records.length === 0) throw fileProblem('csv_empty', 'csvEmpty');
  const header = headerColumns(records[0]!.cells);
  if (header && header.email < 0) throw fileProblem('csv_no_email_column', 'csvNoEmailColumn');
  const columns = header ?? { email: 0, role: 1, group: 2, firstName: -1, lastName: -1 };
  const data = header ? records.slice(1) : records;
  if (data.length === 0) throw fileProblem('csv_empty', 'csvEmpty');
  if (data.length > BULK_MAX_ENTRIES)
    throw fileProblem('csv_too_many_rows', 'csvTooManyRows', { max: BULK_MAX_ENTRIES });
  const cell = (cells: string[], index: number) => (index >= 0 ? (cells[index] ?? '') : '');
  return {
    rows: data.map(({ line, cells }) => ({
      line,
      email: cell(cells, columns.email).toLowerCase(),
      role: cell(cells, columns.role),
      group: cell(cells, columns.group),
      firstName: cell(cells, columns.firstName),
      lastName: cell(cells, columns.lastName),
    })),
    file: {
      encoding: table.encoding,
      delimiter: table.delimiter,
      header: header ? clip(records[0]!.cells) : null,
      preview: data.slice(0, PREVIEW_LINES).map(({ line, cells }) => ({ line, cells: clip(cells) })),
    },
  };
}
