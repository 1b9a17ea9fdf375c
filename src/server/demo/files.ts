/** Real documents for the demo courses: a one-page PDF memo made with pdf-lib, and short text handouts. */
import { createHash } from 'node:crypto';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

export type DemoFile = { filename: string; mime: string; content: Buffer };

export async function memoPdf(): Promise<DemoFile> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Fiche mémo — la répétition espacée');
  pdf.setLanguage('fr-FR');
  const page = pdf.addPage([595, 842]);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText('Fiche mémo — la répétition espacée', {
    x: 56,
    y: 770,
    size: 20,
    font: bold,
    color: rgb(0, 0, 0.57),
  });
  const lines = [
    'Revenir sur une notion le lendemain, une semaine puis un mois plus tard',
    'ancre durablement les apprentissages.',
    '',
    '1. Récupérer : faire rappeler les savoirs plutôt que les relire.',
    '2. Espacer : programmer les rappels dans la progression.',
    '3. Varier : changer les contextes et les formes de questions.',
  ];
  for (const [i, line] of lines.entries())
    page.drawText(line, { x: 56, y: 720 - i * 20, size: 12, font: regular });
  // A fixed date keeps the bytes — and so the content address — the same from one start to the next.
  pdf.setCreationDate(new Date('2026-09-01T08:00:00Z'));
  pdf.setModificationDate(new Date('2026-09-01T08:00:00Z'));
  return {
    filename: 'Fiche mémo — répétition espacée.pdf',
    mime: 'application/pdf',
    content: Buffer.from(await pdf.save()),
  };
}

export const handouts: DemoFile[] = [
  {
    filename: 'Séance 2 — déroulé.txt',
    mime: 'text/plain',
    content: Buffer.from(
      'Déroulé de la séance 2\n\n1. Rappel de la séance précédente (10 min)\n2. Questions flash en binômes (15 min)\n3. Mise en commun (10 min)\n',
    ),
  },
  {
    filename: 'Séance 2 — questions flash.txt',
    mime: 'text/plain',
    content: Buffer.from(
      'Questions flash\n\n- Qu’est-ce que la mémoire de travail ?\n- Pourquoi espacer les rappels ?\n- Citez deux façons de faire récupérer une notion.\n',
    ),
  },
];

export function sha256(content: Buffer) {
  return createHash('sha256').update(content).digest('hex');
}
