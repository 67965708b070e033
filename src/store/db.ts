// What each dialect folder provides: a driver (connection, statements, transactions) and the SQL that differs.
import type { Param } from './rows.js';

export type Row = Record<string, unknown>;
/** PostgreSQL array parameters (unnest bulk inserts) are arrays; SQLite never receives them. */
export type BindValue = Param | Param[];

/** A connection (SQLite) or pool (PostgreSQL). SQL uses `?` placeholders in both; the PostgreSQL driver numbers them. */
export interface Db {
  all<T = Row>(sql: string, params?: readonly BindValue[]): Promise<T[]>;
  /** Runs a statement; returns the number of rows changed. */
  run(sql: string, params?: readonly BindValue[]): Promise<number>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one write transaction: BEGIN IMMEDIATE in SQLite, a pooled client with BEGIN in PostgreSQL.
   *  Inside fn use only the tx handle; nesting runs fn in the same transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Inserts many rows of the given columns, as fast as the driver allows; with `upsert`, a row whose key exists updates those columns. */
  insertMany(table: string, columns: readonly string[], rows: readonly Param[][], upsert?: Upsert): Promise<void>;
  close(): Promise<void>;
}

/** ON CONFLICT (key) DO UPDATE SET column = excluded.column, ...: the same words in both dialects. */
export interface Upsert {
  key: string;
  update: readonly string[];
}

/** The conflict clause of an upsert, or nothing. */
export function conflictClause(upsert: Upsert | undefined): string {
  return upsert ? ` ON CONFLICT (${upsert.key}) DO UPDATE SET ${upsert.update.map((c) => `${c} = excluded.${c}`).join(', ')}` : '';
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The SQL that is not the same in both dialects, named the same on both sides. */
export interface Dialect {
  name: 'sqlite' | 'postgres';
  migrations: readonly Migration[];
  /** Serialises writers for the rest of the transaction (nothing to do in SQLite: BEGIN IMMEDIATE holds the write lock). */
  lockForWrite(tx: Db): Promise<void>;
  /** The same for migrations, taken before schema_migrations is read. */
  lockForMigrate(tx: Db): Promise<void>;
  /** A full-text query in the dialect's syntax, or null when the text has nothing to search for. */
  ftsQuery(text: string): string | null;
  /** A subquery selecting the ids of documents matching one `?` full-text parameter. */
  matchingDocIds: string;
  /** Search hits (id, title, published, source, snippet, rank) for parameters [query, limit, offset]. */
  searchSql: string;
  /** Appended to the row-selecting subquery of a job claim: PostgreSQL's FOR UPDATE SKIP LOCKED, nothing in SQLite. */
  claimLock: string;
  /** `column IN (…)` over a list of values, with its parameters: SQLite binds each value, PostgreSQL one array (`= ANY`),
   *  which it plans once instead of parsing hundreds of placeholders. */
  inList(column: string, values: readonly BindValue[], type: 'text' | 'integer'): { sql: string; params: BindValue[] };
  /** Case-insensitive LIKE. */
  ilike: string;
}
