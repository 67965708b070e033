// API tests through app.request (no listening server): access by role, validation errors, pagination, limits, static files, the OpenAPI document.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from './app.js';
import { demoArticle, testArchive, testModel } from './fixtures.js';
import type { Storage } from '../store/types.js';

const HOSTILE = {
  id: 'hostile', published: '2024-11-02', title: '<img src=x onerror=alert(1)> Seoul report',
  text: 'South Korea said on Friday that North Korea <script>alert(1)</script> had sent 3,000 troops to Russia. '
    + 'Officials posted <a href="javascript:alert(2)">a map</a> and <img src=x onerror="alert(3)"> images.',
};

let store: Storage;
let remove: () => Promise<void>;
let reader: string;
let analyst: string;
let admin: string;
let webRoot: string;

before(async () => {
  ({ store, remove } = await testArchive([demoArticle(1), demoArticle(3), demoArticle(6), demoArticle(7), HOSTILE]));
  reader = (await store.createToken('rita', 'reader')).secret;
  analyst = (await store.createToken('anna', 'analyst')).secret;
  admin = (await store.createToken('adam', 'admin')).secret;
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-web-'));
  fs.mkdirSync(path.join(webRoot, 'site'));
  fs.writeFileSync(path.join(webRoot, 'site', 'index.html'), '<!doctype html><title>watchfloor</title>');
  fs.writeFileSync(path.join(webRoot, 'secret.txt'), 'not for the web');
});
after(async () => {
  await remove();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

const serve = (publicReads = false) => createApp({ store, publicReads, asOf: '2025-01-01', webRoot: path.join(webRoot, 'site'), model: testModel, log: () => {} }).app;
const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });
const json = (secret: string, body: unknown) => ({ method: 'POST', headers: { ...auth(secret), 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function errorOf(res: Response) {
  const body = await res.json() as { error: { status: number; code: string; message: string; issues?: { path: string; message: string }[] } };
  assert.equal(body.error.status, res.status);
  return body.error;
}

test('a read without a token is refused with 401 and says how to get one', async () => {
  const res = await serve().request('/api/events');
  assert.equal(res.status, 401);
  assert.match((await errorOf(res)).message, /watchfloor token create --role reader/);
});

test('an unknown or malformed token is refused with 401', async () => {
  assert.equal((await serve().request('/api/events', { headers: auth('wf_not-a-token') })).status, 401);
  assert.equal((await serve().request('/api/events', { headers: { authorization: 'Basic abc' } })).status, 401);
});

test('a reader may read but a reader token on a write is refused with 403', async () => {
  const app = serve();
  assert.equal((await app.request('/api/events', { headers: auth(reader) })).status, 200);
  const forecast = await firstForecast(app);
  const res = await app.request(`/api/forecasts/${forecast}/resolution`, json(reader, { state: 'confirmed' }));
  assert.equal(res.status, 403);
  assert.match((await errorOf(res)).message, /analyst role.*"rita" is a reader/);
  assert.equal((await app.request('/api/ingest', json(reader, { text: 'x' }))).status, 403);
  assert.deepEqual(await store.resolutions(forecast), []);
});

test('a public server lets anyone read but still wants an analyst for writes', async () => {
  const app = serve(true);
  assert.equal((await app.request('/api/forecasts')).status, 200);
  const forecast = await firstForecast(app);
  assert.equal((await app.request(`/api/forecasts/${forecast}/resolution`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"state":"refuted"}' })).status, 401);
});

test('only an admin manages tokens', async () => {
  const app = serve();
  assert.equal((await app.request('/api/tokens', { headers: auth(analyst) })).status, 403);
  const created = await app.request('/api/tokens', json(admin, { name: 'bot', role: 'reader' }));
  assert.equal(created.status, 201);
  const { id, secret } = await created.json() as { id: string; secret: string };
  assert.equal((await app.request('/api/me', { headers: auth(secret) })).status, 200);
  assert.equal((await app.request(`/api/tokens/${id}`, { method: 'DELETE', headers: auth(admin) })).status, 204);
  assert.equal((await app.request('/api/me', { headers: auth(secret) })).status, 401);
  const listed = await (await app.request('/api/tokens', { headers: auth(admin) })).json() as { items: Record<string, unknown>[] };
  assert.ok(listed.items.every((t) => !('secret' in t) && !('hash' in t)));
});

async function firstForecast(app: ReturnType<typeof serve>, state?: string): Promise<string> {
  const res = await app.request(`/api/forecasts${state ? `?state=${state}` : ''}`, { headers: auth(reader) });
  const body = await res.json() as { items: { id: string }[] };
  assert.ok(body.items.length, 'the archive should hold a forecast');
  return body.items[0].id;
}

test('query parameters are validated with a 400 that names each bad one', async () => {
  const app = serve();
  const res = await app.request('/api/events?limit=abc&type=FLY&since=2024-02-30&status=maybe', { headers: auth(reader) });
  assert.equal(res.status, 400);
  const error = await errorOf(res);
  const paths = error.issues!.map((i) => i.path).sort();
  assert.deepEqual(paths, ['query.limit', 'query.since', 'query.status', 'query.type']);
  assert.match(error.issues!.find((i) => i.path === 'query.since')!.message, /YYYY-MM-DD/);
  assert.match(error.issues!.find((i) => i.path === 'query.type')!.message, /PLOVER type/);
  const tooMany = await errorOf(await app.request('/api/events?limit=100000', { headers: auth(reader) }));
  assert.match(tooMany.issues![0].message, /at most 500/);
  const typo = await errorOf(await app.request('/api/events?stauts=forecast', { headers: auth(reader) }));
  assert.deepEqual(typo.issues!.map((i) => i.path), ['query.stauts']);
  assert.match(typo.issues![0].message, /unknown parameter \(known: limit, offset, actor/);
  const badActor = await errorOf(await app.request('/api/events?actor=North%20Korea', { headers: auth(reader) }));
  assert.match(badActor.issues![0].message, /not an actor code/);
});

test('a resolution body is validated: bad state, unknown field, not JSON, not sent as JSON', async () => {
  const app = serve();
  const id = await firstForecast(app);
  const bad = await errorOf(await app.request(`/api/forecasts/${id}/resolution`, json(analyst, { state: 'maybe', by: 'me' })));
  assert.equal(bad.status, 400);
  assert.ok(bad.issues!.some((i) => i.path === 'body.state'));
  assert.ok(bad.issues!.some((i) => /by/.test(i.message)));
  const notJson = await app.request(`/api/forecasts/${id}/resolution`, { method: 'POST', headers: { ...auth(analyst), 'content-type': 'application/json' }, body: '{state:' });
  assert.equal(notJson.status, 400);
  const form = await app.request(`/api/forecasts/${id}/resolution`, { method: 'POST', headers: { ...auth(analyst), 'content-type': 'text/plain' }, body: 'confirmed' });
  assert.equal(form.status, 415);
  assert.equal((await app.request('/api/forecasts/F-nope/resolution', json(analyst, { state: 'refuted' }))).status, 404);
  const uncited = await errorOf(await app.request(`/api/forecasts/${id}/resolution`, json(analyst, { state: 'confirmed', evidenceDoc: 'no-such-doc' })));
  assert.equal(uncited.status, 400);
  assert.match(uncited.message, /no document "no-such-doc"/);
});

test('an analyst resolves a forecast: the decision is in force, audited, and counted in calibration', async () => {
  const app = serve();
  const id = await firstForecast(app, 'open');
  const res = await app.request(`/api/forecasts/${id}/resolution`, json(analyst, { state: 'refuted', on: '2024-12-01', note: 'did not happen' }));
  assert.equal(res.status, 201);
  const f = await res.json() as { state: string; resolution: { by: string; on: string }; history: unknown[] };
  assert.equal(f.state, 'refuted');
  assert.deepEqual([f.resolution.by, f.resolution.on], ['anna', '2024-12-01']);
  assert.equal(f.history.length, 1);
  const cal = await (await app.request('/api/calibration', { headers: auth(reader) })).json() as { issuers: { scored: number; unscored: { resolved: number } }[] };
  assert.ok(cal.issuers.some((i) => i.scored + i.unscored.resolved > 0));
  await app.request(`/api/forecasts/${id}/resolution`, json(analyst, { state: 'open', note: 'reopened' }));
  const again = await (await app.request(`/api/forecasts/${id}`, { headers: auth(reader) })).json() as { state: string; history: { state: string }[] };
  assert.deepEqual(again.history.map((h) => h.state), ['refuted', 'open']);
  assert.notEqual(again.state, 'refuted');
});

test('events come a page at a time with a total and the next offset, pages not overlapping', async () => {
  const app = serve();
  const get = async (q: string) => (await app.request(`/api/events?${q}`, { headers: auth(reader) })).json() as Promise<{ items: { id: string }[]; total: number; next: number | null; limit: number; offset: number }>;
  const all = await get('limit=500');
  assert.ok(all.total >= 5, `expected several events, got ${all.total}`);
  assert.equal(all.next, null);
  const first = await get('limit=2');
  assert.deepEqual([first.items.length, first.total, first.next, first.offset], [2, all.total, 2, 0]);
  const second = await get(`limit=2&offset=${first.next}`);
  assert.deepEqual([...first.items, ...second.items].map((e) => e.id), all.items.slice(0, 4).map((e) => e.id));
  const last = await get(`limit=2&offset=${all.total - 1}`);
  assert.deepEqual([last.items.length, last.next], [1, null]);
});

test('filters match the CLI: actor, dyad, type, status and dates narrow the events', async () => {
  const app = serve();
  const get = async (q: string) => (await (await app.request(`/api/events?limit=500&${q}`, { headers: auth(reader) })).json() as { items: { type: string; status: string; date: string; source: { code: string }[]; target: { code: string }[] }[] }).items;
  const forecasts = await get('status=forecast');
  assert.ok(forecasts.length && forecasts.every((e) => e.status === 'forecast'));
  const prk = await get('actor=PRK');
  assert.ok(prk.length && prk.every((e) => [...e.source, ...e.target].some((a) => a.code === 'PRK')));
  const since = await get('since=2024-10-01');
  assert.ok(since.every((e) => e.date >= '2024-10-01'));
  const dyad = await get('dyad=PRK:RUS');
  assert.ok(dyad.every((e) => e.source.some((a) => a.code === 'PRK') && e.target.some((a) => a.code === 'RUS')));
});

test('other lists page too: forecasts, clusters, actors, search', async () => {
  const app = serve();
  for (const url of ['/api/forecasts?limit=1', '/api/clusters?limit=1', '/api/actors?limit=1', '/api/search?q=Russia&limit=1']) {
    const body = await (await app.request(url, { headers: auth(reader) })).json() as { items: unknown[]; next: number | null };
    assert.equal(body.items.length, 1, url);
    assert.equal(body.next, 1, url);
  }
});

test('a body over the limit is refused with 413 before it is read', async () => {
  const app = serve();
  const res = await app.request('/api/ingest', json(analyst, { text: 'x'.repeat(1_100_000) }));
  assert.equal(res.status, 413);
  assert.equal((await errorOf(res)).code, 'payload-too-large');
});

test('an analyst ingests a posted text and its events are served', async () => {
  const app = serve();
  const res = await app.request('/api/ingest', json(analyst, { text: 'Russia launched a missile attack on Kyiv on Tuesday, Ukrainian officials said.', published: '2024-12-03', title: 'Strike' }));
  assert.equal(res.status, 201);
  const { results } = await res.json() as { results: { docId: string; status: string; events: number }[] };
  assert.equal(results[0].status, 'new');
  const events = await (await app.request(`/api/events?doc=${encodeURIComponent(results[0].docId)}`, { headers: auth(reader) })).json() as { items: { docId: string; source: { code: string }[] }[] };
  assert.ok(results[0].events > 0);
  assert.equal(events.items.length, results[0].events);
  assert.ok(events.items.every((e) => e.docId === results[0].docId) && events.items.some((e) => e.source.some((a) => a.code === 'RUS')));
  const repeated = await (await app.request('/api/ingest', json(analyst, { text: 'Russia launched a missile attack on Kyiv on Tuesday, Ukrainian officials said.' }))).json() as { results: { status: string }[] };
  assert.equal(repeated.results[0].status, 'duplicate');
  const empty = await errorOf(await app.request('/api/ingest', json(analyst, { text: '   ' })));
  assert.equal(empty.status, 400);
});

test('a posted url on this host or a private network is refused unless the server allows internal fetches', async () => {
  const refused = await serve().request('/api/ingest', json(analyst, { url: 'http://127.0.0.1:9/article' }));
  assert.equal(refused.status, 422);
  assert.match((await errorOf(refused)).message, /127\.0\.0\.1 is an internal address/);
  const allowed = createApp({ store, asOf: '2025-01-01', model: testModel, log: () => {}, fetchInternal: true }).app;
  const tried = await errorOf(await allowed.request('/api/ingest', json(analyst, { url: 'http://127.0.0.1:9/article' })));
  assert.doesNotMatch(tried.message, /internal address/);
});

test('static files are served by exact name only: traversal in any spelling is a 404', async () => {
  const app = serve();
  const index = await app.request('/');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/site/../secret.txt', '/....//secret.txt', '/index.html%00.txt']) {
    const res = await app.request(p);
    assert.equal(res.status, 404, p);
    assert.ok(!(await res.text()).includes('not for the web'), p);
  }
});

test('the brief is escaped HTML under a policy that forbids scripts', async () => {
  const res = await serve().request('/api/brief?since=2024-01-01&until=2024-12-31', { headers: auth(reader) });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  const html = await res.text();
  assert.match(html, /<h2>Key developments<\/h2>/);
  assert.ok(!/<script>alert|<img src=x|<a href="javascript/i.test(html));
});

test('the OpenAPI document lists every endpoint with its parameters, roles and error shape', async () => {
  const doc = await (await serve().request('/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[]; 'x-role': string; responses: Record<string, unknown>; requestBody?: unknown }>> };
  assert.equal(doc.openapi, '3.1.0');
  const events = doc.paths['/api/events'].get;
  assert.deepEqual(events.parameters!.map((p) => p.name).sort(), ['actor', 'doc', 'dyad', 'limit', 'offset', 'since', 'status', 'text', 'type', 'until']);
  assert.ok(events.responses['401'] && events.responses['400']);
  const resolve = doc.paths['/api/forecasts/{id}/resolution'].post;
  assert.equal(resolve['x-role'], 'analyst');
  assert.ok(resolve.requestBody && resolve.responses['413']);
  const app = serve(true);
  for (const p of Object.keys(doc.paths).filter((p) => !p.includes('{') && !p.startsWith('/api/tokens'))) {
    const res = await app.request(p.replace('/api/search', '/api/search?q=Russia'), { method: 'GET' });
    if (doc.paths[p].get) assert.equal(res.status, 200, p);
  }
});

test('unknown API paths answer a JSON 404', async () => {
  const res = await serve().request('/api/nope', { headers: auth(reader) });
  assert.equal(res.status, 404);
  assert.match((await errorOf(res)).message, /openapi\.json/);
});

test('an unexpected failure answers 500 without internals and is logged', async () => {
  const logged: string[] = [];
  const broken = new Proxy(store, { get: (t, p) => (p === 'events' ? async () => { throw new Error('disk on fire at /secret/path'); } : Reflect.get(t, p)) });
  const app = createApp({ store: broken, publicReads: true, log: (m) => logged.push(m) }).app;
  const res = await app.request('/api/events');
  assert.equal(res.status, 500);
  const body = await res.text();
  assert.ok(!body.includes('secret') && !body.includes('fire'));
  assert.match(logged.join('\n'), /GET \/api\/events: Error: disk on fire/);
});
