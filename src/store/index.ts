// Opens the archive named by a URL: a SQLite file path (default ./watchfloor.db) or postgres://...
import type { Storage } from './types.js';
import { StoreError } from './types.js';

export * from './types.js';

export const DEFAULT_DB = './watchfloor.db';

/** The archive URL from a --db flag, else WATCHFLOOR_DB, else the default SQLite file. */
export function resolveDbUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.WATCHFLOOR_DB || DEFAULT_DB;
}

/** Opens (creating and migrating when needed) the archive at a URL: postgres://, postgresql://, sqlite:PATH, file:PATH or a plain path. */
export async function openStore(url: string): Promise<Storage> {
  throw new StoreError(`not implemented yet: ${url}`, 'bad-url');
}
