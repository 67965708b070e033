// The SQL that SQLite says differently from PostgreSQL (compare postgres/dialect.ts line by line).
import type { Dialect } from '../db.js';
import { migrations } from './migrations.js';

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  migrations,
  // BEGIN IMMEDIATE has already taken the database's single write lock.
  lockForWrite: async () => {},
  lockForMigrate: async () => {},
  ftsQuery: toFts5Query,
  matchingDocIds: 'SELECT d.id FROM documents_fts f JOIN documents d ON d.seq = f.rowid WHERE documents_fts MATCH ?',
  searchSql: `
SELECT d.id, d.title, d.published, d.source,
       snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet,
       -bm25(documents_fts, 2.0, 1.0) AS rank
FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
WHERE documents_fts MATCH ?
ORDER BY rank DESC, d.id
LIMIT ? OFFSET ?`,
  claimLock: '',
  inList: (column, values) => ({ sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] }),
  ilike: 'LIKE',
};

/** User text to an FTS5 query that cannot be a syntax error: every word and "quoted phrase" becomes a quoted FTS5 phrase,
 *  all of them required (as in PostgreSQL's websearch_to_tsquery). Operators and column filters are not passed through. */
export function toFts5Query(text: string): string | null {
  const phrases: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|([\p{L}\p{N}]+)/gu)) {
    const words = (m[1] ?? m[2]).match(/[\p{L}\p{N}]+/gu);
    if (words) phrases.push(`"${words.join(' ')}"`);
  }
  return phrases.length ? phrases.join(' ') : null;
}
