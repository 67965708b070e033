// Ingest through the API: a posted text, or a URL the server fetches; extracted with the shared model and stored like `watchfloor ingest`.
import { Hono } from 'hono';
import { prepareDocument } from '../../ingest/ingest.js';
import { DEFAULT_READ_OPTIONS, readUrl, type ReadOptions } from '../../ingest/readers/sources.js';
import type { SourceDocument } from '../../ingest/readers/types.js';
import type { Model } from '../../nlp/model/types.js';
import type { Storage } from '../../store/types.js';
import type { AuthEnv } from '../auth.js';
import { ApiError } from '../errors.js';
import type { RouteDoc } from '../openapi.js';
import { body, ingestBody } from '../schemas.js';

export interface IngestDeps {
  store: Storage;
  /** the extraction model, loaded on first use (it takes a moment and most servers never ingest) */
  model: () => Model;
  /** told after something was stored, so cached tracker results are recomputed */
  changed: () => void;
  /** whether a posted url may point at this host or a private network */
  fetchInternal: boolean;
}

/** a duplicate recognised by its hash before extraction has no new ids to report */
type Result = { name: string; status: string; docId?: string; storyId?: string; events?: number } | { name: string; failed: string };

export function ingestRoutes(deps: IngestDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  // the server fetches on a client's behalf: unless told otherwise, nothing behind its own network boundary
  const read: ReadOptions = { ...DEFAULT_READ_OPTIONS, fetch: { ...DEFAULT_READ_OPTIONS.fetch, publicOnly: !deps.fetchInternal } };
  app.post('/ingest', async (c) => {
    const input = await body(c, ingestBody);
    const docs: SourceDocument[] = [];
    const results: Result[] = [];
    if ('text' in input) {
      const { text, ...meta } = input;
      docs.push({ name: meta.title ?? 'posted text', text, meta });
    } else {
      for (const item of await readUrl(input.url, read)) {
        if ('doc' in item) docs.push(item.doc);
        else results.push({ name: item.failure.name, failed: item.failure.reason });
      }
    }
    for (const doc of docs) {
      const prepared = await prepareDocument(doc, deps.model(), deps.store);
      if ('outcome' in prepared) {
        const o = prepared.outcome;
        results.push('failed' in o ? o : { name: o.name, status: o.status });
        continue;
      }
      const stored = await deps.store.ingest(prepared.input);
      results.push({ name: doc.name, docId: stored.docId, status: stored.status, storyId: stored.storyId, events: prepared.input.record.events.length });
    }
    if (results.some((r) => 'status' in r && r.status !== 'duplicate')) deps.changed();
    if (!results.some((r) => 'status' in r)) throw new ApiError(422, 'not-ingested', results.map((r) => ('failed' in r ? `${r.name}: ${r.failed}` : r.name)).join('; ') || 'nothing to ingest');
    return c.json({ results }, 201);
  });
  return app;
}

export const ingestDocs: RouteDoc[] = [
  { method: 'post', path: '/api/ingest', summary: 'Extract and store a posted text ({text, title?, published?, source?, url?}) or the document(s) at a URL ({url})', body: ingestBody, role: 'analyst' },
];
