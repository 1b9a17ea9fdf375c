import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../platform/http/problem.ts';
import { detectDelimiter, parseEnrolmentCsv } from './csv.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const codeOf = (bytes: Uint8Array) => {
  try {
    parseEnrolmentCsv(bytes);
  } catch (error) {
    return (error as HttpProblem).code;
  }
  return 'parsed';
};

describe('enrolment CSV', () => {
  it('reads a French spreadsheet export: BOM, semicolons, a French header, CRLF, quoted cells', () => {
    const rows = parseEnrolmentCsv(
      utf8(
        '\uFEFFCourriel;Rôle;Groupe\r\nA.Martin@ac-aix-marseille.fr;Formatrice;"Groupe A"\r\nb@x.fr;tuteur;\r\n',
      ),
    );
    expect(rows).toEqual([
      { line: 2, email: 'a.martin@ac-aix-marseille.fr', role: 'Formatrice', group: 'Groupe A' },
      { line: 3, email: 'b@x.fr', role: 'tuteur', group: '' },
    ]);
  });

  it('reads an English export with commas and no header, lines numbered from 1', () => {
    const rows = parseEnrolmentCsv(utf8('a@x.fr,participant,G1\nb@x.fr,trainer\n\nc@x.fr\n'));
    expect(rows).toEqual([
      { line: 1, email: 'a@x.fr', role: 'participant', group: 'G1' },
      { line: 2, email: 'b@x.fr', role: 'trainer', group: '' },
      { line: 4, email: 'c@x.fr', role: '', group: '' },
    ]);
  });

  it('follows the header when columns come in another order or with extra ones', () => {
    const rows = parseEnrolmentCsv(utf8('Nom,Group,E-mail,Role\nMartin,B,m@x.fr,tutor\n'));
    expect(rows).toEqual([{ line: 2, email: 'm@x.fr', role: 'tutor', group: 'B' }]);
    expect(parseEnrolmentCsv(utf8('email\nm@x.fr\n'))).toEqual([
      { line: 2, email: 'm@x.fr', role: '', group: '' },
    ]);
  });

  it('detects the delimiter from the first line, ignoring quoted ones', () => {
    expect(detectDelimiter('a@x.fr;participant;"A, B"')).toBe(';');
    expect(detectDelimiter('"Dupont; Jean",a@x.fr,participant')).toBe(',');
    expect(detectDelimiter('a@x.fr')).toBe(',');
  });

  it('refuses files it cannot read, with a 400 problem saying why', () => {
    expect(codeOf(new Uint8Array([0x61, 0x40, 0x78, 0x2e, 0x66, 0x72, 0x3b, 0xe9, 0x0a]))).toBe(
      'csv_not_utf8',
    );
    expect(codeOf(utf8(''))).toBe('csv_empty');
    expect(codeOf(utf8('courriel;rôle;groupe\n'))).toBe('csv_empty');
    expect(codeOf(utf8('nom;rôle\nMartin;participant\n'))).toBe('csv_no_email_column');
    expect(codeOf(utf8('a@x.fr,"non fermé\n'))).toBe('csv_unreadable');
    const big = `${Array.from({ length: 10_001 }, (_, i) => `p${i}@x.fr`).join('\n')}\n`;
    expect(codeOf(utf8(big))).toBe('csv_too_many_rows');
    try {
      parseEnrolmentCsv(utf8(''));
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).status).toBe(400);
    }
  });
});
