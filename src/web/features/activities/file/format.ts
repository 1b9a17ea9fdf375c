/** Files in the interface: sizes and formats as the DSFR writes them. */
import type { FileInfo } from '../../../api/activities.ts';

/** "1,2 Mo", "850 ko", "12 octets": sizes as the DSFR writes them. */
export function formatSize(bytes: number, locale = 'fr-FR'): string {
  const fr = locale.startsWith('fr');
  const units = fr ? ['octets', 'ko', 'Mo', 'Go'] : ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number}\u00a0${units[unit]}`;
}

/** "PDF", "DOCX": the file's extension, or the MIME subtype when the name has none. */
export function fileFormat(filename: string, mime: string): string {
  const dot = filename.lastIndexOf('.');
  const ext = dot > 0 ? filename.slice(dot + 1) : (mime.split('/')[1] ?? '');
  return ext.toUpperCase();
}

/** "PDF – 1,2 Mo" for a file of a course-page summary; nothing when the summary names no file. */
export function fileDetail(value: unknown, locale: string): string | undefined {
  const info = value as Partial<FileInfo> | undefined;
  if (typeof info?.filename !== 'string' || typeof info.mime !== 'string' || typeof info.size !== 'number')
    return undefined;
  return `${fileFormat(info.filename, info.mime)} – ${formatSize(info.size, locale)}`;
}
