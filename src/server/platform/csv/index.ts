/**
 * Reading a CSV file as people really produce them, for every CSV import of the product: French
 * spreadsheets save Windows-1252 with `;`, recent ones UTF-8 with a byte-order mark, English ones `,`,
 * Excel's "Texte Unicode" UTF-16 with tabs. The encoding and the delimiter are guessed, and the guess is
 * returned so the page can show it: a wrong guess then shows as garbled names, not as silent damage.
 * No business rule here: callers map the records to their columns and their own messages.
 */
import { parse } from 'csv-parse/sync';

export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** One non-empty record: the line it starts on (1-based, header counted) and its trimmed cells. */
export type CsvRecord = { line: number; cells: string[] };
export type CsvTable = { encoding: CsvEncoding; delimiter: CsvDelimiter; records: CsvRecord[] };

/** The file is not CSV the parser can follow (an unclosed quote, say), near this line. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`CSV syntax error near line ${line}`);
    this.line = line;
  }
}

/**
 * Bytes to text. A byte-order mark decides; else bytes that are valid UTF-8 are UTF-8 (French text in
 * Windows-1252 almost never is: an accented letter alone is an invalid sequence); else Windows-1252,
 * which maps every byte, so decoding never fails.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    // Strips a UTF-8 byte-order mark.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The delimiter found most often outside quotes on the first non-empty line; `,` when none is. */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)
      .find((line) => line.trim() !== '') ?? '';
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as CsvDelimiter] += 1;
  }
  // Ties go to `;`, then tab: a French line may hold as many decimal commas as semicolons.
  const order = [';', '\t', ','] as const;
  let best: CsvDelimiter = order[0];
  for (const d of order) if (counts[d] > counts[best]) best = d;
  return counts[best] > 0 ? best : ',';
}

/** Decodes and parses a CSV file; empty lines and lines of empty cells are left out. */
export function readCsv(bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw new CsvSyntaxError((error as { lines?: number }).lines ?? 0);
  }
  return {
    encoding,
    delimiter,
    records: parsed.map(({ record, info }) => ({ line: info.lines, cells: record })),
  };
}
