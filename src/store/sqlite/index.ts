// SQLite archive: a better-sqlite3 connection in WAL mode, so several processes can ingest into one file.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Archive } from '../archive.js';
import { conflictClause, type BindValue, type Db, type Upsert } from '../db.js';
import type { Param } from '../rows.js';
import { StoreError, type Storage } from '../types.js';
import { sqliteDialect } from './dialect.js';

/** How long a writer waits for another process's write transaction before giving up. */
const BUSY_TIMEOUT_MS = 30_000;
const CACHE_KIB = 64 * 1024;
/** what a retry sleeps on (Atomics.wait blocks the thread without spinning) */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Puts the file in WAL mode. Two processes opening a new archive at once may both try; SQLite then answers the loser
 * "busy" at once, without waiting, so the switch is retried until the busy timeout (by then the file is in WAL mode).
 */
function switchToWal(raw: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      raw.pragma('journal_mode = WAL');
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw err;
      Atomics.wait(PAUSE, 0, 0, 20);
    }
  }
}

export async function openSqliteStore(file: string): Promise<Storage> {
  const db = SqliteDb.open(file);
  const store = new Archive(db, sqliteDialect);
  try {
    await store.migrate();
  } catch (err) {
    await db.close();
    throw explain(err, file);
  }
  return store;
}

class SqliteDb implements Db {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly raw: Database.Database,
    private readonly statements: Map<string, Database.Statement>,
    private readonly inTransaction: boolean,
  ) {}

  static open(file: string): SqliteDb {
    if (file !== ':memory:') {
      const dir = path.dirname(path.resolve(file));
      if (!fs.existsSync(dir)) throw new StoreError(`cannot create the archive ${file}: the folder ${dir} does not exist`, 'unreadable');
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new StoreError(`cannot open the archive ${file}: it is a folder, not a file`, 'unreadable');
    }
    let raw: Database.Database;
    try {
      raw = new Database(file);
      // the busy timeout first: switching a new file to WAL needs a lock another process may hold
      raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      switchToWal(raw);
      raw.pragma('synchronous = NORMAL');
      // bulk loads touch many index pages; the default 2 MB cache makes them re-read pages over and over
      raw.pragma(`cache_size = ${-CACHE_KIB}`);
      raw.pragma('foreign_keys = ON');
    } catch (err) {
      throw explain(err, file);
    }
    return new SqliteDb(raw, new Map(), false);
  }

  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.raw.prepare(sql)));
    return st;
  }

  async all<T>(sql: string, params: readonly BindValue[] = []): Promise<T[]> {
    const st = this.prepare(sql);
    if (st.reader) return st.all(params) as T[];
    st.run(params);
    return [];
  }

  async run(sql: string, params: readonly BindValue[] = []): Promise<number> {
    return this.prepare(sql).run(params).changes;
  }

  async exec(sql: string): Promise<void> {
    this.raw.exec(sql);
  }

  /** BEGIN IMMEDIATE takes the write lock at once (waiting up to the busy timeout for other processes), so a transaction never
   *  fails halfway for want of it. Transactions on this connection run one after another. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.inTransaction) return fn(this);
    const run = async (): Promise<T> => {
      this.raw.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(new SqliteDb(this.raw, this.statements, true));
        this.raw.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw err;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly Param[][], upsert?: Upsert): Promise<void> {
    if (!rows.length) return;
    const st = this.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})${conflictClause(upsert)}`);
    for (const row of rows) st.run(row);
  }

  async close(): Promise<void> {
    if (!this.raw.open) return;
    await this.queue;
    this.raw.pragma('optimize');
    this.raw.close();
  }
}

/** Turns SQLite's terse errors about the file into messages that name it. */
function explain(err: unknown, file: string): Error {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB') return new StoreError(`${file} is not a watchfloor archive (not an SQLite database)`, 'unreadable');
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError(`cannot open the archive ${file}: ${message}`, 'unreadable');
  }
  return err instanceof Error ? err : new Error(message);
}
