import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, decodeCsv, detectDelimiter, readCsv } from './index.ts';

/** Encodes text as Windows-1252 (the characters used here are all in Latin-1's range or `€`). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
}

describe('CSV files as spreadsheets save them', () => {
  it('decodes a French Excel export in Windows-1252 with semicolons', () => {
    const bytes = cp1252('prénom;nom;courriel\r\nÉlodie;Hélène;e.h@x.fr\r\nFrançois;Noël;f@x.fr\r\n');
    const table = readCsv(bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(table.delimiter).toBe(';');
    expect(table.records).toEqual([
      { line: 1, cells: ['prénom', 'nom', 'courriel'] },
      { line: 2, cells: ['Élodie', 'Hélène', 'e.h@x.fr'] },
      { line: 3, cells: ['François', 'Noël', 'f@x.fr'] },
    ]);
    expect(decodeCsv(cp1252('5 €')).text).toBe('5 €');
  });

  it('reads UTF-8 with or without a byte-order mark, and UTF-16 with tabs', () => {
    const withBom = readCsv(new TextEncoder().encode('\uFEFFÉlodie,Hélène\n'));
    expect(withBom).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(withBom.records[0]!.cells).toEqual(['Élodie', 'Hélène']);
    expect(readCsv(new TextEncoder().encode('Élodie;Hélène\n')).records[0]!.cells).toEqual([
      'Élodie',
      'Hélène',
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Élodie\tHélène\r\n', 'utf16le')]);
    expect(readCsv(utf16)).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      records: [{ line: 1, cells: ['Élodie', 'Hélène'] }],
    });
  });

  it('guesses the delimiter from the first line, outside quotes, `;` winning ties', () => {
    expect(detectDelimiter('a@x.fr;participant;"A, B"')).toBe(';');
    expect(detectDelimiter('"Dupont; Jean",a@x.fr,participant')).toBe(',');
    expect(detectDelimiter('\n\na\tb\tc')).toBe('\t');
    expect(detectDelimiter('Groupe 1,5;note')).toBe(';');
    expect(detectDelimiter('a@x.fr')).toBe(',');
  });

  it('skips empty lines and says where the syntax breaks', () => {
    expect(readCsv(new TextEncoder().encode('a,b\n\n,\nc,d\n')).records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['c', 'd'] },
    ]);
    expect(() => readCsv(new TextEncoder().encode('a,"non fermé\n'))).toThrow(CsvSyntaxError);
  });
});
