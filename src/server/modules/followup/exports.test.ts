import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attendance } from '../../../shared/followup.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { type ApiClient, startTestApp, type TestApp } from '../../testing/harness.ts';
import { seedScenario } from './scenario.ts';
import type { FollowupFixture } from './testing.ts';

let t: TestApp;
let trainer: ApiClient;
let f: FollowupFixture;

beforeAll(async () => {
  t = await startTestApp();
  f = await seedScenario(t.db);
  trainer = await t.as('formateur@magistere.test');
});
afterAll(() => t.close());

const NB = '\u00a0';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function readCsv(payload: Buffer): string[][] {
  expect(payload.subarray(0, 3).equals(BOM)).toBe(true);
  const text = payload.toString('utf8');
  expect(text).toContain('\r\n');
  return parse(text, { delimiter: ';', bom: true, relax_column_count: false });
}

async function readXlsx(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}

describe('export of the follow-up', () => {
  it('writes the filtered grid as a CSV French Excel opens: BOM, semicolons, French dates', async () => {
    const query = `format=csv&groupIds=${f.groupIds['Groupe B']}&progressBelow=75&sort=name`;
    const response = await trainer.get(`/api/courses/${f.courseId}/followup/export?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="suivi-SUIVI-\w+-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const [headers, ...rows] = readCsv(response.rawPayload);
    expect(headers).toEqual([
      'Nom',
      'Prénom',
      'Adresse électronique',
      'Rôle',
      'Groupes',
      'Académie',
      'Département',
      'Discipline',
      'Progression (%)',
      'Activités achevées',
      'Parcours achevé le',
      'Premier accès',
      'Dernier accès',
      'Temps passé',
      'Temps passé (minutes)',
      'Lire le cadrage',
      'Regarder la vidéo',
      'Quiz de positionnement',
      'Déposer sa séquence',
    ]);
    // Group B below 75 %: Bruno (25), Chloé (50), Damien (0) — not Émilie (75).
    expect(rows.map((row) => `${row[0]} ${row[1]}`)).toEqual(['Dubois Chloé', 'Petit Bruno', 'Roux Damien']);
    const chloe = rows[0]!;
    expect(chloe[2]).toMatch(/^chloe\.dubois\..*@magistere\.test$/);
    expect(chloe.slice(3, 15)).toEqual([
      'Participant',
      'Groupe B',
      'Aix-Marseille',
      'Var (83)',
      'Mathématiques',
      '50',
      '2',
      '',
      // 28 October 12:00 UTC is 13:00 in Paris (winter time).
      '28/10/2026 13:00',
      '28/10/2026 13:00',
      `1${NB}h${NB}30`,
      '90',
    ]);
    // Completed on 15 November (Paris); the quiz failed; the last one not done.
    expect(chloe.slice(15)).toEqual(['15/11/2026', '15/11/2026', 'non réussi', '']);
    const damien = rows[2]!;
    expect(damien.slice(8, 15)).toEqual(['0', '0', '', '', '', `0${NB}min`, '0']);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'followup.exported'));
    expect(event).toMatchObject({ objectId: f.courseId, details: { format: 'csv', rows: 3 } });
  });

  it('writes the same as an XLSX workbook with real dates and the header row frozen', async () => {
    const response = await trainer.get(`/api/courses/${f.courseId}/followup/export?format=xlsx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const workbook = await readXlsx(response.rawPayload);
    const sheet = workbook.getWorksheet('Suivi')!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(1).value).toBe('Nom');
    expect(sheet.getRow(1).getCell(19).value).toBe('Déposer sa séquence');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    // Rows by last name: Benali, Dubois, Garcia, Martin, Petit, Roux.
    const farid = sheet.getRow(2);
    expect(farid.getCell(1).value).toBe('Benali');
    expect(farid.getCell(6).value).toBe('Bordeaux');
    expect(farid.getCell(9).value).toBe(25);
    // 31 October 23:30 UTC: 1 November 00:30 in Paris, written as the Paris wall clock.
    const last = farid.getCell(13);
    expect(last.value).toEqual(new Date(Date.UTC(2026, 10, 1, 0, 30)));
    expect(last.numFmt).toBe('dd/mm/yyyy hh:mm');
    const alice = sheet.getRow(5);
    expect(alice.getCell(1).value).toBe('Martin');
    expect(alice.getCell(11).value).toEqual(new Date(Date.UTC(2026, 10, 14, 10, 30)));
    expect(alice.getCell(14).value).toBe(`3${NB}h${NB}30`);
    expect(alice.getCell(15).value).toBe(210);
    expect(alice.getCell(16).value).toEqual(new Date(Date.UTC(2026, 10, 15, 11, 0)));
    expect(alice.getCell(16).numFmt).toBe('dd/mm/yyyy');
  });

  it('refuses an unknown format or bad criteria, and people without the follow-up', async () => {
    const base = `/api/courses/${f.courseId}/followup/export`;
    expect((await trainer.get(`${base}?format=pdf`)).statusCode).toBe(400);
    // CSV unless asked otherwise.
    expect((await trainer.get(base)).headers['content-type']).toBe('text/csv; charset=utf-8');
    expect((await trainer.get(`${base}?format=csv&progressMin=90&progressBelow=10`)).statusCode).toBe(400);
    expect((await (await t.as('participant@magistere.test')).get(`${base}?format=csv`)).statusCode).toBe(403);
  });

  it('keeps a spreadsheet from running a name as a formula', async () => {
    const g = await seedScenario(t.db);
    const { seedFollowup } = await import('./testing.ts');
    await seedFollowup(t.db, {
      courseId: g.courseId,
      tracked: [],
      people: [{ key: 'x', firstName: '=HYPERLINK("http://x")', lastName: 'Zorro' }],
    });
    const response = await trainer.get(`/api/courses/${g.courseId}/followup/export?format=csv&q=zorro`);
    const [, row] = readCsv(response.rawPayload);
    expect(row![1]).toBe(`'=HYPERLINK("http://x")`);
  });
});

describe('participation (attendance)', () => {
  it('lists the participants with their completion, access and time spent as “3 h 30”', async () => {
    const response = await trainer.get(`/api/courses/${f.courseId}/attendance`);
    expect(response.statusCode, response.body).toBe(200);
    const body: Attendance = response.json();
    expect(body.course.title).toBe('Enseigner l’oral au cycle 3');
    expect(body.tracked).toBe(4);
    expect(body.rows.map((r) => r.lastName)).toEqual([
      'Benali',
      'Dubois',
      'Garcia',
      'Martin',
      'Petit',
      'Roux',
    ]);
    expect(body.rows.find((r) => r.lastName === 'Martin')).toMatchObject({
      groups: ['Groupe A'],
      progress: 100,
      completed: 4,
      courseCompletedAt: '2026-11-14T09:30:00.000Z',
      firstAccessAt: '2026-11-02T08:00:00.000Z',
      seconds: 12_600,
      timeSpent: `3${NB}h${NB}30`,
    });
    expect(body.rows.find((r) => r.lastName === 'Garcia')!.timeSpent).toBe(`2${NB}h${NB}01`);
    expect(body.rows.find((r) => r.lastName === 'Benali')!.timeSpent).toBe(`10${NB}min`);
  });

  it('exports it as CSV and XLSX', async () => {
    const csv = await trainer.get(`/api/courses/${f.courseId}/attendance/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/participation-SUIVI-/);
    const [headers, ...rows] = readCsv(csv.rawPayload);
    expect(headers).toEqual([
      'Nom',
      'Prénom',
      'Adresse électronique',
      'Groupes',
      'Progression (%)',
      'Activités achevées',
      'Parcours achevé le',
      'Premier accès',
      'Dernier accès',
      'Temps passé',
      'Temps passé (minutes)',
    ]);
    expect(rows).toHaveLength(6);
    const alice = rows.find((r) => r[0] === 'Martin')!;
    expect(alice.slice(3)).toEqual([
      'Groupe A',
      '100',
      '4',
      '14/11/2026',
      '02/11/2026 09:00',
      '14/11/2026 10:00',
      `3${NB}h${NB}30`,
      '210',
    ]);
    const emilie = rows.find((r) => r[0] === 'Garcia')!;
    expect(emilie[3]).toBe('Groupe A, Groupe B');

    const xlsx = await trainer.get(`/api/courses/${f.courseId}/attendance/export?format=xlsx`);
    const sheet = (await readXlsx(xlsx.rawPayload)).getWorksheet('Participation')!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(5).getCell(1).value).toBe('Martin');
    expect(sheet.getRow(5).getCell(7).value).toEqual(new Date(Date.UTC(2026, 10, 14, 10, 30)));
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'followup.attendance_exported'));
    expect(event).toBeDefined();
  });

  it('is for trainers and managers: a designer or a participant is refused', async () => {
    const path = `/api/courses/${f.courseId}/attendance`;
    expect((await (await t.as('concepteur@magistere.test')).get(path)).statusCode).toBe(403);
    expect((await (await t.as('participant@magistere.test')).get(path)).statusCode).toBe(403);
    expect((await (await t.as('referent@magistere.test')).get(path)).statusCode).toBe(200);
    expect((await trainer.get(`${path}/export?format=doc`)).statusCode).toBe(400);
  });
});
