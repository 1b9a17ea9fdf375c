/**
 * The catalogue downloaded: the current search as CSV (French Excel: UTF-8 with a byte-order mark, `;`,
 * CRLF) or as an A4 PDF to print or send (title, the criteria, one block per offer with its short link).
 * At most `EXPORT_MAX_OFFERS` offers, in the order of the search; the file says when it was cut.
 */
import { stringify } from 'csv-stringify/sync';
import type { TFunction } from 'i18next';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { formatDate, formatDuration } from '../../../shared/format.ts';
import {
  EXPORT_MAX_OFFERS,
  FACETS,
  type Facet,
  type OfferCard,
  type OfferSearchQuery,
  shortLink,
} from '../../../shared/offers.ts';
import type { Tx } from '../../platform/db/index.ts';
import { searchOffers } from './search.ts';

export type CatalogueExport = { offers: OfferCard[]; capped: boolean };

/** The offers of a search, all pages at once, up to the cap. */
export async function exportedOffers(db: Tx, query: OfferSearchQuery): Promise<CatalogueExport> {
  const result = await searchOffers(db, query, { limit: EXPORT_MAX_OFFERS + 1, offset: 0, facets: false });
  return {
    offers: result.items.slice(0, EXPORT_MAX_OFFERS),
    capped: result.items.length > EXPORT_MAX_OFFERS,
  };
}

/** The label of one facet value, as the catalogue shows it. */
function valueLabel(t: TFunction, facet: Facet, value: string, offers: OfferCard[]): string {
  switch (facet) {
    case 'public':
      return t(`ui.lifecycle.publics.${value}`);
    case 'collection':
      return t(`ui.lifecycle.collections.${value}`);
    case 'origin':
      return t(`ui.lifecycle.origins.${value}`);
    case 'modality':
      return t(`offers.export.modalities.${value}`);
    case 'duration':
      return t(`offers.export.durations.${value}`);
    case 'domain':
      return offers.find((o) => o.domain.slug === value)?.domain.name ?? value;
    default:
      return value;
  }
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** The search criteria in words, one line each: what the reader of a printed list needs to know. */
export function criteriaLines(t: TFunction, query: OfferSearchQuery, offers: OfferCard[]): string[] {
  const lines: string[] = [];
  if (query.q) lines.push(`${t('offers.export.text')}\u00a0: «\u00a0${query.q}\u00a0»`);
  for (const facet of FACETS) {
    const values = query[facet];
    if (values.length)
      lines.push(
        `${t(`offers.export.facets.${facet}`)}\u00a0: ${values.map((v) => valueLabel(t, facet, v, offers)).join(', ')}`,
      );
  }
  lines.push(`${t('offers.export.sort')}\u00a0: ${t(`offers.export.sorts.${query.sort}`)}`);
  return lines;
}

/** A text a spreadsheet would run as a formula (=, +, -, @) is written as text. */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export function catalogueCsv(t: TFunction, exported: CatalogueExport, publicUrl: string): Buffer {
  const c = (key: string) => t(`offers.export.columns.${key}`);
  const headers = [
    c('number'),
    c('link'),
    c('title'),
    c('domain'),
    c('collection'),
    c('publics'),
    c('modality'),
    c('duration'),
    c('startsAt'),
    c('endsAt'),
    c('keywords'),
    c('summary'),
    c('publishedAt'),
  ];
  const rows = exported.offers.map((o) => [
    String(o.number),
    `${publicUrl}${shortLink(o.kind, o.number)}`,
    o.title,
    o.domain.name,
    o.collection ? valueLabel(t, 'collection', o.collection, []) : '',
    o.publics.map((p) => valueLabel(t, 'public', p, [])).join(', '),
    o.modality ? valueLabel(t, 'modality', o.modality, []) : '',
    o.durationMinutes ? String(hours(o.durationMinutes)).replace('.', ',') : '',
    o.startsAt ? formatShort(o.startsAt) : '',
    o.endsAt ? formatShort(o.endsAt) : '',
    o.keywords.join(', '),
    o.summary,
    formatShort(o.publishedAt),
  ]);
  return Buffer.from(
    stringify(
      [headers, ...rows].map((row) => row.map(inert)),
      {
        delimiter: ';',
        bom: true,
        record_delimiter: 'windows',
      },
    ),
    'utf8',
  );
}

const shortDate = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Paris',
});
const formatShort = (iso: string) => shortDate.format(new Date(iso));

/**
 * The standard PDF fonts only know Windows-1252: keep its characters, turn the narrow no-break space into
 * a no-break space and anything else (emoji, other scripts) into "?", rather than failing the download.
 */
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replaceAll('\u202f', '\u00a0')) {
    const code = ch.codePointAt(0)!;
    const ok =
      (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.includes(ch);
    out += ok ? ch : code === 0x0a || code === 0x09 ? ' ' : '?';
  }
  return out;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const BLUE = rgb(0, 0, 0.57);
const GREY = rgb(0.4, 0.4, 0.4);

/** Lays text out top to bottom, adding pages as needed. */
class Writer {
  page: PDFPage;
  y: number;
  readonly pdf: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  constructor(pdf: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.pdf = pdf;
    this.regular = regular;
    this.bold = bold;
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  get width() {
    return A4[0] - 2 * MARGIN;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN + 20) {
      this.page = this.pdf.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }
  wrap(text: string, font: PDFFont, size: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of winAnsi(text).split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= this.width || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }
  text(
    text: string,
    options: { size?: number; font?: PDFFont; color?: ReturnType<typeof rgb>; gap?: number } = {},
  ) {
    const size = options.size ?? 10;
    const font = options.font ?? this.regular;
    const lineHeight = size * 1.35;
    for (const line of this.wrap(text, font, size)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: options.color ?? rgb(0, 0, 0) });
    }
    this.y -= options.gap ?? 0;
  }
  rule() {
    this.ensure(12);
    this.y -= 6;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4[0] - MARGIN, y: this.y },
      thickness: 0.5,
      color: rgb(0.8, 0.8, 0.8),
    });
    this.y -= 6;
  }
}

export async function cataloguePdf(
  t: TFunction,
  query: OfferSearchQuery,
  exported: CatalogueExport,
  publicUrl: string,
  now: Date,
): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const title = t(`offers.export.pdfTitle.${query.kind}`);
  pdf.setTitle(`${title} — Magistère`);
  pdf.setLanguage('fr-FR');
  pdf.setCreator('Magistère');
  pdf.setCreationDate(now);
  const w = new Writer(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  const { offers } = exported;

  w.text(title, { size: 20, font: w.bold, color: BLUE, gap: 2 });
  w.text(t('offers.export.generatedOn', { date: formatDate(now) }), { color: GREY, gap: 8 });
  w.text(t('offers.export.criteria'), { size: 12, font: w.bold, gap: 2 });
  for (const line of criteriaLines(t, query, offers)) w.text(line);
  w.text(t('offers.export.count', { count: offers.length }), { font: w.bold, gap: 0 });
  if (exported.capped) w.text(t('offers.export.capped', { max: EXPORT_MAX_OFFERS }), { color: GREY });
  w.rule();

  for (const o of offers) {
    w.ensure(70);
    w.text(o.title, { size: 12, font: w.bold, color: BLUE, gap: 1 });
    w.text(
      `${t('offers.export.block.number', { number: o.number })} · ${publicUrl}${shortLink(o.kind, o.number)} · ${o.domain.name}`,
      { color: GREY },
    );
    if (o.publics.length)
      w.text(
        t('offers.export.block.public', {
          publics: o.publics.map((p) => valueLabel(t, 'public', p, [])).join(', '),
        }),
      );
    const duration = o.durationMinutes
      ? `${formatDuration(o.durationMinutes * 60)}${o.modality ? ` (${valueLabel(t, 'modality', o.modality, []).toLowerCase()})` : ''}`
      : t('offers.export.block.noDuration');
    w.text(t('offers.export.block.duration', { duration }));
    if (o.startsAt && o.endsAt)
      w.text(t('offers.export.block.dates', { start: formatDate(o.startsAt), end: formatDate(o.endsAt) }));
    else if (o.startsAt) w.text(t('offers.export.block.startsOn', { start: formatDate(o.startsAt) }));
    if (o.summary) w.text(o.summary.length > 400 ? `${o.summary.slice(0, 397)}…` : o.summary, { size: 9 });
    w.rule();
  }

  const pages = pdf.getPages();
  for (const [i, page] of pages.entries()) {
    const label = winAnsi(t('offers.export.page', { page: i + 1, pages: pages.length }));
    page.drawText(label, {
      x: A4[0] - MARGIN - w.regular.widthOfTextAtSize(label, 8),
      y: MARGIN / 2,
      size: 8,
      font: w.regular,
      color: GREY,
    });
  }
  return Buffer.from(await pdf.save());
}
