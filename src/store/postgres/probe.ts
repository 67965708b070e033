// Whether a PostgreSQL server answers at a URL: tests use it to skip (or, in CI, fail) with the reason.
import pg from 'pg';

/** null when the server answers `SELECT 1`, else why not. */
export async function probePostgres(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err instanceof Error ? err.message || String((err as { code?: string }).code) : String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}
