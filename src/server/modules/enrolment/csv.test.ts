import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../platform/http/problem.ts';
import { parseEnrolmentCsv } from './csv.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const codeOf = (bytes: Uint8Array) => {
  try {
    parseEnrolmentCsv(bytes);
  } catch (error) {
    return (error as HttpProblem).code;
  }
  return 'parsed';
};

const rowsOf = (bytes: Uint8Array) => parseEnrolmentCsv(bytes).rows;
const row = (line: number, email: string, role = '', group = '', firstName = '', lastName = '') => ({
  line,
  email,
  role,
  group,
  firstName,
  lastName,
});

describe('enrolment CSV', () => {
  it('reads a French spreadsheet export: BOM, semicolons, a French header, CRLF, quoted cells', () => {
    const csv = parseEnrolmentCsv(
      utf8(
        '\uFEFFCourriel;Rôle;Groupe\r\nA.Martin@ac-aix-marseille.fr;Formatrice;"Groupe A"\r\nb@x.fr;tuteur;\r\n',
      ),
    );
    expect(csv.rows).toEqual([
      row(2, 'a.martin@ac-aix-marseille.fr', 'Formatrice', 'Groupe A'),
      row(3, 'b@x.fr', 'tuteur'),
    ]);
    expect(csv.file).toEqual({
      encoding: 'utf-8',
      delimiter: ';',
      header: ['Courriel', 'Rôle', 'Groupe'],
      preview: [
        { line: 2, cells: ['A.Martin@ac-aix-marseille.fr', 'Formatrice', 'Groupe A'] },
        { line: 3, cells: ['b@x.fr', 'tuteur', ''] },
      ],
    });
  });

  it('reads a Windows-1252 export with first and last names, and says so', () => {
    // « prénom;nom;courriel;groupe » then « Élodie;Hélène;… » as French Excel saves them.
    const latin1 = Buffer.from(
      'Prénom;Nom;Courriel;Groupe\r\nÉlodie;Hélène;e.helene@x.fr;Élèves\r\n',
      'latin1',
    );
    const csv = parseEnrolmentCsv(latin1);
    expect(csv.rows).toEqual([row(2, 'e.helene@x.fr', '', 'Élèves', 'Élodie', 'Hélène')]);
    expect(csv.file).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      header: ['Prénom', 'Nom', 'Courriel', 'Groupe'],
      preview: [{ line: 2, cells: ['Élodie', 'Hélène', 'e.helene@x.fr', 'Élèves'] }],
    });
  });

  it('reads an English export with commas and no header, lines numbered from 1', () => {
    expect(rowsOf(utf8('a@x.fr,participant,G1\nb@x.fr,trainer\n\nc@x.fr\n'))).toEqual([
      row(1, 'a@x.fr', 'participant', 'G1'),
      row(2, 'b@x.fr', 'trainer'),
      row(4, 'c@x.fr'),
    ]);
  });

  it('follows the header when columns come in another order or with extra ones', () => {
    expect(rowsOf(utf8('Nom,Group,E-mail,Role,Ville\nMartin,B,m@x.fr,tutor,Aix\n'))).toEqual([
      row(2, 'm@x.fr', 'tutor', 'B', '', 'Martin'),
    ]);
    expect(rowsOf(utf8('email\nm@x.fr\n'))).toEqual([row(2, 'm@x.fr')]);
  });

  it('refuses files it cannot read, with a 400 problem saying why', () => {
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
