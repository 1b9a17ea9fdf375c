/**
 * Days and dates as a French trainer reads them: a filter's "since 20/11/2026" starts at midnight in
 * Paris, not in UTC; exports write 20/11/2026 and 20/11/2026 14:30, Paris time.
 */
export const TIME_ZONE = 'Europe/Paris';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(instant: number) {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

/** How far Paris is ahead of UTC at this instant, in ms. */
function offsetAt(instant: number): number {
  const w = wallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a Paris day (`YYYY-MM-DD`) begins, in epoch ms. */
export function parisMidnight(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const first = utc - offsetAt(utc);
  // Across a change of offset the first guess may sit on the other side: correct once.
  const second = utc - offsetAt(first);
  return second;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "20/11/2026" (Paris). */
export function frenchDate(value: Date | number): string {
  const w = wallClock(typeof value === 'number' ? value : value.getTime());
  return `${pad(w.day)}/${pad(w.month)}/${w.year}`;
}

/** "20/11/2026 14:30" (Paris): what a spreadsheet in French reads as a date and time. */
export function frenchDateTime(value: Date | number): string {
  const w = wallClock(typeof value === 'number' ? value : value.getTime());
  return `${pad(w.day)}/${pad(w.month)}/${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Today in Paris, `YYYY-MM-DD` (file names of the exports). */
export function parisToday(now: Date): string {
  const w = wallClock(now.getTime());
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * A Date whose UTC fields show the Paris wall clock: spreadsheet cells carry no time zone, so exceljs
 * writes the UTC fields, and a trainer must read the hour it was in France.
 */
export function parisWallDate(value: Date | number): Date {
  const w = wallClock(typeof value === 'number' ? value : value.getTime());
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}
