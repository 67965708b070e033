// Branded identifiers and dates, so that a value of one kind cannot pass as another.
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type DocId = Brand<string, 'DocId'>;
export type ActorId = Brand<string, 'ActorId'>;
export type EventId = Brand<string, 'EventId'>;
/** A calendar day, YYYY-MM-DD. */
export type IsoDate = Brand<string, 'IsoDate'>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a YYYY-MM-DD string names a real day and brands it; returns null otherwise. */
export function toIsoDate(s: string): IsoDate | null {
  if (!ISO_DATE.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) return null;
  return s as IsoDate;
}

/** The UTC calendar day of a Date. */
export function isoDay(d: Date): IsoDate {
  return d.toISOString().slice(0, 10) as IsoDate;
}

export function addDays(day: IsoDate, n: number): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}

/** Adds calendar months, clamping to the last day of the target month. */
export function addMonths(day: IsoDate, n: number): IsoDate {
  const [y, m, dd] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(dd, last));
  return isoDay(target);
}

export function lastDayOfMonth(year: number, month1: number): IsoDate {
  return isoDay(new Date(Date.UTC(year, month1, 0)));
}
