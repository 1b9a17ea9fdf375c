/** French formats of the State: "23 novembre 2026", "23/11/2026 à 14 h 30", "1 234,5". */
const LOCALE = 'fr-FR';
/**
 * In the browser, the person's own time zone; on the server (mails, exports), the platform's reference
 * time zone, since the machine's is usually UTC.
 */
const timeZone = typeof window === 'undefined' ? 'Europe/Paris' : undefined;
const longDate = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone,
});
const shortDate = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone,
});
const time = new Intl.DateTimeFormat(LOCALE, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone,
});
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

/** "3 h 30", "45 min", "0 min": a duration in whole minutes, as the State writes it. */
export function formatDuration(totalSeconds: number): string {
  const minutes = Math.max(0, Math.floor(totalSeconds / 60));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}\u00a0min`;
  return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${String(rest).padStart(2, '0')}`;
}
