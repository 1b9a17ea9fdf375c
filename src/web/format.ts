/** French formats of the State: "23 novembre 2026", "23/11/2026 à 14 h 30", "1 234,5". */
const LOCALE = 'fr-FR';
const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
const shortDate = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric' });
const time = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const number = new Intl.NumberFormat(LOCALE);

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "23 novembre 2026" */
export function formatDate(value: string | Date): string {
  const date = toDate(value);
  return date ? longDate.format(date) : '';
}

/** "14 h 30" */
export function formatTime(value: string | Date): string {
  const date = toDate(value);
  if (!date) return '';
  const parts = time.formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
  return `${Number(hour)}\u00a0h\u00a0${minute}`;
}

/** "23/11/2026 à 14 h 30" */
export function formatDateTime(value: string | Date): string {
  const date = toDate(value);
  return date ? `${shortDate.format(date)} à ${formatTime(date)}` : '';
}

/** "1 234,5" (narrow no-break space as thousands separator, as Intl does for French). */
export function formatNumber(value: number): string {
  return number.format(value);
}
