// Shared plumbing of the archive commands: where output goes, opening the store, tables, CSV, and flag parsing.
import type { IsoDate } from '../core/ids.js';
import { toIsoDate } from '../core/ids.js';
import { isPloverType } from '../core/plover.js';
import { EVENT_STATUSES, type EventStatus } from '../core/record.js';
import { openStore, resolveDbUrl } from '../store/index.js';
import { StoreError, type Storage } from '../store/types.js';
import { UsageError } from './errors.js';

/** Where the commands write; tests pass their own. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** whether err is a terminal (progress bars only there) */
  errIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  errIsTTY: process.stderr.isTTY === true,
  env: process.env,
};

export interface OutputFlags { db?: string; json?: boolean; csv?: boolean }
export interface PageFlags { limit?: string; offset?: string }

/** A table column: its header and how to get the cell from a row. */
export type Column<T> = [header: string, cell: (row: T) => unknown];

/** Opens the archive for one command and always closes it; the store's complaints about the user's input become usage errors. */
export async function withStore(flags: OutputFlags, io: Io, fn: (store: Storage) => Promise<void>): Promise<void> {
  if (flags.json && flags.csv) throw new UsageError('choose one of --json and --csv');
  let store: Storage;
  try {
    store = await openStore(resolveDbUrl(flags.db, io.env));
  } catch (err) {
    throw asUsage(err);
  }
  try {
    await fn(store);
  } catch (err) {
    throw asUsage(err);
  } finally {
    await store.close();
  }
}

function asUsage(err: unknown): unknown {
  return err instanceof StoreError && err.code !== 'unreachable' ? new UsageError(err.message) : err;
}

export function print<T>(io: Io, flags: OutputFlags, rows: T[], columns: Column<T>[]): void {
  if (flags.json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
  else if (flags.csv) io.out(csv(rows, columns));
  else io.out(rows.length ? table(rows, columns) : '(none)\n');
}

/** Aligned columns for a terminal; long cells are cut so that a row stays on one line. */
export function table<T>(rows: T[], columns: Column<T>[]): string {
  const MAX_CELL = 60;
  const cells = rows.map((r) => columns.map(([, cell]) => oneLine(text(cell(r))).slice(0, MAX_CELL)));
  const widths = columns.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values: string[]) => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(columns.map(([h]) => h)), ...cells.map(line)].join('\n') + '\n';
}

/** RFC 4180 CSV. A text cell that a spreadsheet would run as a formula (=, +, @, a leading - before a non-dash) gets a leading quote mark. */
export function csv<T>(rows: T[], columns: Column<T>[]): string {
  const quote = (v: unknown) => {
    let s = text(v);
    if (typeof v === 'string' && /^(?:[=+@\t\r]|-(?!-*$))/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(([h]) => quote(h)), ...rows.map((r) => columns.map(([, cell]) => quote(cell(r))))].map((cols) => cols.join(',')).join('\r\n') + '\r\n';
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export function page(flags: PageFlags): { limit: number; offset: number } {
  return { limit: count(flags.limit ?? '50', '--limit'), offset: count(flags.offset ?? '0', '--offset') };
}

export function count(value: string, flag: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

export function date(value: string | undefined, flag: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  const day = toIsoDate(value);
  if (!day) throw new UsageError(`--${flag} must be a YYYY-MM-DD date, not ${JSON.stringify(value)}`);
  return day;
}

export function eventType(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isPloverType(value.toUpperCase())) throw new UsageError(`--type must be a PLOVER event type (AGREE, CONSULT, ..., ASSAULT), not ${JSON.stringify(value)}`);
  return value.toUpperCase();
}

export function eventStatus(value: string | undefined): EventStatus | undefined {
  if (value === undefined) return undefined;
  if (!(EVENT_STATUSES as readonly string[]).includes(value)) throw new UsageError(`--status must be one of ${EVENT_STATUSES.join(', ')}, not ${JSON.stringify(value)}`);
  return value as EventStatus;
}
