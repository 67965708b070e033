// PostgreSQL archive: a pg Pool for a shared server; `?schema=NAME` in the URL keeps an archive in its own schema.
import pg from 'pg';
import { Archive } from '../archive.js';
import { conflictClause, type BindValue, type Db, type Row, type Upsert } from '../db.js';
import type { Param } from '../rows.js';
import { StoreError, type Storage } from '../types.js';
import { postgresDialect } from './dialect.js';

const POOL_SIZE = 4;
const CONNECT_TIMEOUT_MS = 5_000;
/** Rows per unnest() insert: one round trip for many rows, without building huge arrays. */
const INSERT_CHUNK = 5_000;
/** A string longer than this makes a row "long" (see insertMany); rows per VALUES statement then. */
const LONG_TEXT = 1_000;
const VALUES_CHUNK = 100;
/** Deadlock and serialization failures: the transaction is safe to run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_TRIES = 3;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export async function openPostgresStore(url: string): Promise<Storage> {
  const { connectionString, schema, where } = parseUrl(url);
  const pool = new pg.Pool({
    connectionString, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    options: schema ? `-c search_path=${schema}` : undefined,
    types: { getTypeParser },
  });
  // An idle client losing its connection must not crash the process; the next query reports the problem.
  pool.on('error', () => {});
  const db = new PgDb(pool, null, new Map());
  try {
    if (schema) await createSchema(db, schema);
    const store = new Archive(db, postgresDialect);
    await store.migrate();
    return store;
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw explain(err, where);
  }
}

class PgDb implements Db {
  constructor(
    private readonly pool: pg.Pool,
    private readonly client: pg.PoolClient | null,
    /** column types per table, read once from the catalogue, for unnest() casts */
    private readonly columnTypes: Map<string, Map<string, string>>,
  ) {}

  private query(sql: string, params: readonly BindValue[]): Promise<pg.QueryResult> {
    return (this.client ?? this.pool).query(numbered(sql), params as unknown[]);
  }

  async all<T>(sql: string, params: readonly BindValue[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async run(sql: string, params: readonly BindValue[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  async exec(sql: string): Promise<void> {
    await (this.client ?? this.pool).query(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.client) return fn(this);
    const client = await this.pool.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        await client.query('BEGIN');
        try {
          const result = await fn(new PgDb(this.pool, client, this.columnTypes));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt >= MAX_TRIES || !RETRYABLE.has((err as { code?: string }).code ?? '')) throw err;
        }
      }
    } finally {
      client.release();
    }
  }

  /** INSERT ... SELECT FROM unnest(array per column): thousands of rows per statement, with no parameter-count limit.
   *  Rows carrying long texts (documents) go as multi-row VALUES instead: an array literal escapes every quote of every
   *  string and the server parses it back character by character, which costs more than the statement saves. */
  async insertMany(table: string, columns: readonly string[], rows: readonly Param[][], upsert?: Upsert): Promise<void> {
    if (!rows.length) return;
    if (rows.some((row) => row.some((v) => typeof v === 'string' && v.length > LONG_TEXT))) return this.insertValues(table, columns, rows, upsert);
    const types = await this.typesOf(table);
    const casts = columns.map((c) => `?::${types.get(c)}[]`);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})${conflictClause(upsert)}`;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      await this.query(sql, columns.map((_, c) => chunk.map((row) => row[c])));
    }
  }

  private async insertValues(table: string, columns: readonly string[], rows: readonly Param[][], upsert?: Upsert): Promise<void> {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += VALUES_CHUNK) {
      const chunk = rows.slice(i, i + VALUES_CHUNK);
      await this.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}${conflictClause(upsert)}`, chunk.flat());
    }
  }

  private async typesOf(table: string): Promise<Map<string, string>> {
    let types = this.columnTypes.get(table);
    if (!types) {
      const rows = await this.all<Row>(
        `SELECT a.attname AS name, format_type(a.atttypid, NULL) AS type FROM pg_attribute a
         WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped`, [table]);
      types = new Map(rows.map((r) => [String(r.name), String(r.type)]));
      this.columnTypes.set(table, types);
    }
    return types;
  }

  async close(): Promise<void> {
    if (!this.client) await this.pool.end();
  }
}

/** Dates stay 'YYYY-MM-DD' strings (no time-zone shifts), JSON stays text as SQLite returns it, timestamps become ISO strings,
 *  64-bit counts become numbers. */
function getTypeParser(oid: number, format?: string): (value: string) => unknown {
  switch (oid) {
    case pg.types.builtins.DATE:
    case pg.types.builtins.JSON:
    case pg.types.builtins.JSONB: return (v) => v;
    case pg.types.builtins.TIMESTAMPTZ: return (v) => new Date(v).toISOString();
    case pg.types.builtins.INT8: return (v) => Number(v);
    default: return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
  }
}

const numberedCache = new Map<string, string>();

/** `?` placeholders to PostgreSQL's $1, $2 ... (outside quoted strings). */
function numbered(sql: string): string {
  let out = numberedCache.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/'(?:[^']|'')*'|\?/g, (m) => (m === '?' ? `$${++n}` : m));
    numberedCache.set(sql, out);
  }
  return out;
}

async function createSchema(db: Db, schema: string): Promise<void> {
  try {
    await db.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (err) {
    // two processes creating the same schema at once: the loser sees a duplicate, which is what it wanted
    if (!['42P06', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
  }
}

function parseUrl(url: string): { connectionString: string; schema?: string; where: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreError(`not a valid PostgreSQL URL: ${redact(url)}`, 'bad-url');
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !IDENTIFIER.test(schema)) throw new StoreError(`not a valid schema name in the database URL: ${JSON.stringify(schema)}`, 'bad-url');
  parsed.searchParams.delete('schema');
  const where = `${parsed.hostname || 'localhost'}:${parsed.port || 5432}${parsed.pathname}`;
  return { connectionString: parsed.toString(), schema, where };
}

/** A URL for messages, without its password. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function explain(err: unknown, where: string): Error {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  const unreachable = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000'];
  if (unreachable.includes(code) || /timeout|terminated|connect/i.test(message)) {
    return new StoreError(`cannot connect to PostgreSQL at ${where}: ${message || code}`, 'unreachable');
  }
  return err instanceof Error ? err : new Error(message);
}
