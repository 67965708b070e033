// Archive reads: documents, events, clusters, actors, full-text search, counts and event locations.
import { Hono } from 'hono';
import type { DocId } from '../../core/ids.js';
import { COOPERATION_SCORE, isPloverType } from '../../core/plover.js';
import type { ClusterId, EventFilter, Storage } from '../../store/types.js';
import type { AuthEnv } from '../auth.js';
import { notFound } from '../errors.js';
import type { RouteDoc } from '../openapi.js';
import { placeOf } from '../places.js';
import { actorQuery, clusterQuery, documentsQuery, eventQuery, mapQuery, paged, query, searchQuery } from '../schemas.js';

/** Counting a filter over a large archive costs far more than reading a page of it; a count stays good for a few seconds. */
class CountCache {
  private entries = new Map<string, { at: number; count: Promise<number> }>();
  constructor(private readonly ttlMs: number, private readonly max = 500) {}
  get(key: string, compute: () => Promise<number>): Promise<number> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.count;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    const count = compute();
    this.entries.set(key, { at: now, count });
    count.catch(() => this.entries.delete(key));
    return count;
  }
}

type EventParams = ReturnType<typeof eventQuery.parse>;
export function eventFilter(q: Omit<EventParams, 'limit' | 'offset'>): EventFilter {
  const f: EventFilter = {};
  if (q.actor) f.actor = q.actor;
  if (q.dyad) f.dyad = q.dyad;
  if (q.type) f.type = q.type;
  if (q.status) f.status = q.status;
  if (q.since) f.since = q.since;
  if (q.until) f.until = q.until;
  if (q.text) f.text = q.text;
  if (q.doc) f.docId = q.doc as DocId;
  return f;
}

/** The most events the map aggregates at once; beyond it the map shows the newest. */
const MAP_EVENTS = 5000;

export function archiveRoutes(store: Storage, options: { countTtlMs?: number } = {}): Hono<AuthEnv> {
  const counts = new CountCache(options.countTtlMs ?? 5000);
  const app = new Hono<AuthEnv>();

  app.get('/stats', async (c) => c.json(await store.stats()));

  app.get('/documents', async (c) => {
    const q = query(c, documentsQuery);
    const docs = await store.documents({ limit: q.limit, ...(q.after ? { after: q.after as DocId } : {}) });
    const items = docs.map((d) => ({ id: d.id, storyId: d.storyId, meta: d.meta, addedAt: d.addedAt, events: d.record.events.length }));
    return c.json({ items, limit: q.limit, next: docs.length === q.limit ? docs[docs.length - 1].id : null });
  });

  app.get('/documents/:id', async (c) => {
    const doc = await store.document(c.req.param('id'));
    if (!doc) throw notFound(`document ${JSON.stringify(c.req.param('id'))}`);
    const events = await store.events({ docId: doc.id, limit: 10_000 });
    return c.json({ ...doc, events });
  });

  app.get('/events', async (c) => {
    const q = query(c, eventQuery);
    const filter = eventFilter(q);
    const [items, total] = await Promise.all([
      store.events({ ...filter, limit: q.limit, offset: q.offset }),
      counts.get(JSON.stringify(filter), () => store.countEvents(filter)),
    ]);
    return c.json(paged(items, total, q));
  });

  app.get('/clusters', async (c) => {
    const q = query(c, clusterQuery);
    // the store lists clusters without a count: one row more than asked says whether a next page exists
    const rows = await store.clusters({ ...q, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    return c.json({ items, limit: q.limit, offset: q.offset, next: rows.length > q.limit ? q.offset + q.limit : null });
  });

  app.get('/clusters/:id', async (c) => {
    const cluster = await store.cluster(c.req.param('id') as ClusterId);
    if (!cluster) throw notFound(`cluster ${JSON.stringify(c.req.param('id'))}`);
    const docs = new Map<string, Awaited<ReturnType<Storage['document']>>>();
    for (const m of cluster.mentions) if (!docs.has(m.docId)) docs.set(m.docId, await store.document(m.docId));
    const mentions = cluster.mentions.map((m) => {
      const d = docs.get(m.docId);
      return { ...m, title: d?.meta.title, published: d?.meta.published, sentenceText: d ? d.text.slice(m.sentence[0], m.sentence[1]) : undefined };
    });
    return c.json({ ...cluster, mentions });
  });

  app.get('/actors', async (c) => {
    const q = query(c, actorQuery);
    const rows = await store.actors({ ...q, limit: q.limit + 1 });
    return c.json({ items: rows.slice(0, q.limit), limit: q.limit, offset: q.offset, next: rows.length > q.limit ? q.offset + q.limit : null });
  });

  app.get('/search', async (c) => {
    const q = query(c, searchQuery);
    const rows = await store.search(q.q, { limit: q.limit + 1, offset: q.offset });
    return c.json({ items: rows.slice(0, q.limit), limit: q.limit, offset: q.offset, next: rows.length > q.limit ? q.offset + q.limit : null });
  });

  app.get('/map', async (c) => {
    const q = query(c, mapQuery);
    const events = await store.events({ ...eventFilter(q), limit: MAP_EVENTS });
    const byPlace = new Map<string, { code: string; name: string; lat: number; lon: number; events: number; score: number; types: Record<string, number> }>();
    let unplaced = 0;
    for (const e of events) {
      const place = e.placeCode ? placeOf(e.placeCode) : undefined;
      if (!place) { unplaced++; continue; }
      const p = byPlace.get(place.code) ?? { ...place, events: 0, score: 0, types: {} };
      byPlace.set(place.code, p);
      p.events++;
      p.score += isPloverType(e.type) ? COOPERATION_SCORE[e.type] : 0;
      p.types[e.type] = (p.types[e.type] ?? 0) + 1;
    }
    const points = [...byPlace.values()].map((p) => ({ ...p, score: Math.round((p.score / p.events) * 10) / 10 })).sort((a, b) => b.events - a.events);
    return c.json({ points, placed: events.length - unplaced, unplaced, truncated: events.length === MAP_EVENTS });
  });

  return app;
}

export const archiveDocs: RouteDoc[] = [
  { method: 'get', path: '/api/stats', summary: 'Counts of what the archive holds' },
  { method: 'get', path: '/api/documents', summary: 'Documents in id order (metadata only), a page at a time', query: documentsQuery },
  { method: 'get', path: '/api/documents/{id}', summary: 'A document with its text, extraction record and stored events', params: ['id'] },
  { method: 'get', path: '/api/events', summary: 'Events matching every filter, newest first', query: eventQuery, paged: true },
  { method: 'get', path: '/api/clusters', summary: 'Event clusters (one event, several reports), most reported first', query: clusterQuery },
  { method: 'get', path: '/api/clusters/{id}', summary: 'One cluster with every report and its sentence', params: ['id'] },
  { method: 'get', path: '/api/actors', summary: 'Actors by how often the archive mentions them', query: actorQuery },
  { method: 'get', path: '/api/search', summary: 'Full-text search over titles and texts', query: searchQuery },
  { method: 'get', path: '/api/map', summary: 'Event locations aggregated by country (centroids), with a mean cooperation score', query: mapQuery },
];
