// The SQL that PostgreSQL says differently from SQLite (compare sqlite/dialect.ts line by line).
import type { Db, Dialect } from '../db.js';
import type { Param } from '../rows.js';
import { migrations } from './migrations.js';

/** Advisory lock ids (arbitrary constants, unique to watchfloor) that serialise archive writers and migrators across processes. */
const WRITE_LOCK = 0x77666c01;
const MIGRATE_LOCK = 0x77666c02;

export const postgresDialect: Dialect = {
  name: 'postgres',
  migrations,
  // Several processes may write at once; deduplication and clustering read-then-write, so writers take turns.
  lockForWrite: async (tx: Db) => { await tx.all('SELECT pg_advisory_xact_lock(?)', [WRITE_LOCK]); },
  lockForMigrate: async (tx: Db) => { await tx.all('SELECT pg_advisory_xact_lock(?)', [MIGRATE_LOCK]); },
  // websearch_to_tsquery accepts any user text without syntax errors; a query of only stop words matches nothing.
  ftsQuery: (text: string) => (/[\p{L}\p{N}]/u.test(text) ? text : null),
  matchingDocIds: "SELECT d.id FROM documents d WHERE d.tsv @@ websearch_to_tsquery('english', ?)",
  searchSql: `
SELECT m.id, d.title, d.published, d.source,
       ts_headline('english', left(d.text, 200000), m.q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…') AS snippet,
       m.rank
FROM (
  SELECT d.id, q, ts_rank(d.tsv, q) AS rank
  FROM documents d, websearch_to_tsquery('english', ?) q
  WHERE d.tsv @@ q
  ORDER BY rank DESC, d.id
  LIMIT ? OFFSET ?
) m JOIN documents d ON d.id = m.id
ORDER BY m.rank DESC, m.id`,
  claimLock: ' FOR UPDATE SKIP LOCKED',
  inList: (column, values, type) => ({ sql: `${column} = ANY(?::${type}[])`, params: [values as Param[]] }),
  ilike: 'ILIKE',
};
