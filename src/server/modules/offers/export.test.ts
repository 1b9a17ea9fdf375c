/** The catalogue downloads: CSV and PDF of the current search, public, capped. */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf, startTestApp, type TestApp } from '../../testing/harness.ts';
import { winAnsi } from './export.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('catalogue downloads', () => {
  it('gives the current search as CSV for French Excel, every page at once, with absolute short links', async () => {
    const search = (
      await t.anonymous().get('/api/offers?kind=training&q=math%C3%A9matiques&perPage=10')
    ).json();
    const response = await t
      .anonymous()
      .get('/api/offers/export.csv?kind=training&q=math%C3%A9matiques&page=2');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="offre-de-formation-/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Numéro;Lien;Titre;Domaine;Collection;Publics;Modalité;Durée (heures);Début;Fin;Mots-clés;Résumé;Publiée le',
    );
    // Page 2 of the screen does not matter: the download holds the whole search.
    expect(lines).toHaveLength(1 + search.total);
    const first = search.items[0];
    const row = lines.find((l: string) => l.startsWith(`${first.number};`))!;
    expect(row).toContain(`http://localhost:3000/f${first.number}`);
    expect(row).toContain('Enseignants du premier degré');
  });

  it('gives the current search as an A4 PDF with the criteria and one block per offer', async () => {
    const response = await t
      .anonymous()
      .get('/api/offers/export.pdf?kind=training&q=math%C3%A9matiques&duration=3to6h&public=enseignants_1d');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(response.rawPayload);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getPage(0).getSize().width).toBeCloseTo(595.28, 1);
    expect(pdf.getTitle()).toBe('Offre de formation — Magistère');
  });

  it('refuses a bad query with a problem', async () => {
    const response = await t.anonymous().get('/api/offers/export.pdf?public=astronautes');
    expect(problemOf(response).status).toBe(400);
    expect(problemOf(response).contentType).toContain('application/problem+json');
  });

  it('keeps to what the standard PDF fonts can draw', () => {
    expect(winAnsi('L’été — « œuvre »\u202f!')).toBe('L’été — « œuvre »\u00a0!');
    expect(winAnsi('Maths 🧮 日本')).toBe('Maths ? ??');
  });
});
