// Calendar arithmetic on day numbers (days since 1970-01-01, UTC), the unit in which time windows are resolved.

export const MS_PER_DAY = 86_400_000;

/** A YYYY-MM-DD day as a day number; NaN when the text is not such a day. */
export function dayNumber(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return NaN;
  const [y, m, d] = iso.split('-').map(Number);
  const n = Date.UTC(y, m - 1, d) / MS_PER_DAY;
  return isoDay(n) === iso ? n : NaN;
}

export function isoDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, dd = d.getUTCDate();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
}

export function dayOf(year: number, month1: number, day: number): number {
  return Date.UTC(year, month1 - 1, day) / MS_PER_DAY;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 1..12 */
export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function lastDayOf(year: number, month1: number): number {
  return Date.UTC(year, month1, 0) / MS_PER_DAY;
}

/** 0 = Monday .. 6 = Sunday (ISO weeks start on Monday). */
export function weekdayOf(day: number): number {
  return (new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7;
}

/** Adds calendar months, clamping to the last day of the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, n: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / MS_PER_DAY;
}

export type CalendarUnit = 'd' | 'w' | 'm' | 'y';

export function addUnits(day: number, n: number, unit: CalendarUnit): number {
  switch (unit) {
    case 'd': return day + n;
    case 'w': return day + 7 * n;
    case 'm': return addMonths(day, n);
    case 'y': return addMonths(day, 12 * n);
  }
}
