/**
 * Reading an enrolment CSV as teachers and secretariats produce them: exported from a spreadsheet in
 * French (`;`) or English (`,`) settings, with or without a BOM, with or without a header row (in French
 * or English), columns e-mail, role, group.
 */
import { parse } from 'csv-parse/sync';
import { BULK_MAX_ENTRIES, fold, isEmail } from '../../../shared/enrolment.ts';
import { HttpProblem } from '../../platform/http/problem.ts';

/** One data line: its line number in the file (1-based, the header counted) and its three cells. */
export type CsvRow = { line: number; email: string; role: string; group: string };

const HEADERS: Record<'email' | 'role' | 'group', string[]> = {
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
};

const fileProblem = (code: string, key: string, params?: Record<string, string | number>) =>
  new HttpProblem(400, code, `errors.enrolment.${key}`, {
    errors: [{ path: 'file', message: `errors.enrolment.${key}`, ...(params ? { params } : {}) }],
  });

/** `;` when the first line has more of them than commas (outside quotes), else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas += 1;
    else if (!quoted && char === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

/** Which column holds what, when the first row is a header; null when it is data. */
function headerColumns(cells: string[]): { email: number; role: number; group: number } | null {
  const folded = cells.map(fold);
  if (folded.some((cell) => isEmail(cell))) return null;
  const find = (names: string[]) => folded.findIndex((cell) => names.includes(cell));
  const columns = { email: find(HEADERS.email), role: find(HEADERS.role), group: find(HEADERS.group) };
  if (columns.email < 0 && columns.role < 0 && columns.group < 0) return null;
  return columns;
}

/** The data rows of a CSV file; file-level problems (encoding, syntax, size) are 400 problems. */
export function parseEnrolmentCsv(bytes: Uint8Array): CsvRow[] {
  let text: string;
  try {
    // Strips a UTF-8 BOM; refuses bytes that are not UTF-8 (a Latin-1 export, say) rather than guessing.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileProblem('csv_not_utf8', 'csvNotUtf8');
  }
  if (text.trim() === '') throw fileProblem('csv_empty', 'csvEmpty');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw fileProblem('csv_unreadable', 'csvUnreadable', { line });
  }
  if (records.length === 0) throw fileProblem('csv_empty', 'csvEmpty');
  const header = headerColumns(records[0]!.record);
  if (header && header.email < 0) throw fileProblem('csv_no_email_column', 'csvNoEmailColumn');
  const columns = header ?? { email: 0, role: 1, group: 2 };
  const data = header ? records.slice(1) : records;
  if (data.length === 0) throw fileProblem('csv_empty', 'csvEmpty');
  if (data.length > BULK_MAX_ENTRIES)
    throw fileProblem('csv_too_many_rows', 'csvTooManyRows', { max: BULK_MAX_ENTRIES });
  const cell = (record: string[], index: number) => (index >= 0 ? (record[index] ?? '') : '');
  return data.map(({ record, info }) => ({
    line: info.lines,
    email: cell(record, columns.email).toLowerCase(),
    role: cell(record, columns.role),
    group: cell(record, columns.group),
  }));
}
