// Opens the archive named by a URL: a SQLite file path (default ./watchfloor.db) or postgres://...
import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import { StoreError, type Storage } from './types.js';

export * from './types.js';

export const DEFAULT_DB = './watchfloor.db';

/** The archive URL from a --db flag, else WATCHFLOOR_DB, else the default SQLite file. */
export function resolveDbUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.WATCHFLOOR_DB || DEFAULT_DB;
}

/** Opens (creating and migrating when needed) the archive at a URL: postgres:// or postgresql:// for a server,
 *  else a SQLite file given as a path, sqlite:PATH or file:PATH. */
export async function openStore(url: string): Promise<Storage> {
  if (typeof url !== 'string' || !url.trim()) throw new StoreError('no database given (use --db or WATCHFLOOR_DB)', 'bad-url');
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return openPostgresStore(url);
  if (scheme === 'sqlite' || scheme === 'file') return openSqliteStore(url.slice(scheme.length + 1).replace(/^\/\/(?=\/|\.)/, '') || ':memory:');
  if (scheme && /^[a-z][a-z0-9+.-]+:\/\//i.test(url)) {
    throw new StoreError(`unsupported database URL ${JSON.stringify(url.replace(/\/\/[^@/]*@/, '//***@'))}: use a SQLite file path or postgres://`, 'bad-url');
  }
  return openSqliteStore(url);
}
