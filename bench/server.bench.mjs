// `npm run bench:server`: the events endpoint under load. Builds an archive of N synthetic events (default 100,000) in a temporary
// SQLite file, serves it from a child process on 127.0.0.1, and drives GET /api/events with autocannon for a bounded time.
//
//   node bench/server.bench.mjs [--dist DIR] [--events N] [--seconds S] [--connections C]
//
// Target (issue 5): >= 500 requests/s with p99 <= 100 ms. Exits 1 when missed, 2 when the build is missing.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, importBuilt as importBuiltFrom, rng, root } from './lib.mjs';

const dist = path.resolve(arg('--dist', path.join(root, 'dist')));
const EVENTS = Math.max(1000, Number(arg('--events', '100000')));
const SECONDS = Math.min(60, Math.max(3, Number(arg('--seconds', '10'))));
const CONNECTIONS = Math.min(64, Math.max(1, Number(arg('--connections', '10'))));
const TARGET_RPS = 500;
const TARGET_P99_MS = 100;
const EVENTS_PER_DOCUMENT = 20;

const importBuilt = (rel) => importBuiltFrom(dist, rel);

// ---- synthetic archive ---------------------------------------------------------------------------------------------


const COUNTRIES = ['USA', 'RUS', 'CHN', 'UKR', 'PRK', 'KOR', 'ISR', 'IRN', 'GBR', 'FRA', 'DEU', 'JPN', 'IND', 'PAK', 'TUR', 'SYR', 'SAU', 'EGY', 'POL', 'BLR'];
const STATUSES = ['asserted', 'asserted', 'asserted', 'asserted', 'asserted', 'forecast', 'forecast', 'hypothetical', 'negated'];
const DAYS = 730;
const day = (n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

function syntheticDocument(index, dayNumber, random, types) {
  const cast = Array.from({ length: 6 }, () => COUNTRIES[Math.floor(COUNTRIES.length * random() ** 2)]);
  const actors = cast.map((code, i) => ({ id: `a${i + 1}`, text: code, mentions: [[i * 10, i * 10 + 7]], kind: 'state', code }));
  const published = day(dayNumber);
  const events = Array.from({ length: EVENTS_PER_DOCUMENT }, (_, i) => {
    const s = Math.floor(random() * 6);
    return {
      id: `e${i + 1}`, type: types[Math.floor(types.length * random() ** 2)], context: [], source: [`a${s + 1}`], target: [`a${((s + 1 + Math.floor(random() * 5)) % 6) + 1}`],
      status: STATUSES[Math.floor(random() * STATUSES.length)], trigger: { text: 'moved', span: [i * 20, i * 20 + 5] }, sentence: { index: i, span: [i * 20, i * 20 + 19] }, confidence: 0.7,
    };
  });
  const text = `Synthetic report ${index}. ${Array.from({ length: 30 }, () => Math.floor(random() * 1e6).toString(36)).join(' ')}.`;
  return {
    meta: { externalId: `synthetic-${index}`, title: `Report ${index}`, published, source: 'bench' },
    text,
    fingerprint: {
      contentHash: createHash('sha256').update(text).digest('hex'),
      minhash: Array.from({ length: 100 }, () => Math.floor(random() * 4294967296)),
      bands: Array.from({ length: 20 }, () => Math.floor(random() * 4294967296)),
    },
    record: { version: 1, document: { id: `synthetic-${index}`, published, referenceDate: published, referenceAssumed: false, language: 'en' }, actors, events },
  };
}

async function buildArchive(file) {
  const [{ openStore }, { PLOVER_TYPES }] = await Promise.all([importBuilt('store/index.js'), importBuilt('core/plover.js')]);
  const store = await openStore(file);
  const random = rng(20251127);
  const documents = Math.ceil(EVENTS / EVENTS_PER_DOCUMENT);
  for (let first = 0; first < documents; first += 1000) {
    const batch = [];
    for (let i = first; i < Math.min(documents, first + 1000); i++) batch.push(syntheticDocument(i, Math.floor((i / documents) * DAYS), random, PLOVER_TYPES));
    await store.ingestMany(batch);
  }
  const { events } = await store.stats();
  await store.close();
  return events;
}

// ---- load ------------------------------------------------------------------------------------------------------------

function startServer(file) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', file, '--dist', dist], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, ...JSON.parse(out.split('\n')[0]) });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

/** What a dashboard and API clients ask for: the newest page, deeper pages, and the CLI's filters. */
const PATHS = [
  '/api/events', '/api/events?limit=50&offset=500', '/api/events?actor=RUS', '/api/events?status=forecast',
  '/api/events?type=ASSAULT&status=asserted', '/api/events?dyad=USA:CHN', '/api/events?since=2024-03-01&until=2024-03-31', '/api/events?actor=PRK&limit=100',
];

async function main() {
  const autocannon = (await import('autocannon')).default;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-server-bench-'));
  const file = path.join(dir, 'bench.db');
  let server;
  try {
    const t0 = performance.now();
    const events = await buildArchive(file);
    console.log(`archive: ${events.toLocaleString()} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    server = await startServer(file);
    const headers = { authorization: `Bearer ${server.token}` };
    // a short warm-up fills SQLite's page cache and the count cache, as a running server would have them
    await autocannon({ url: server.url, connections: CONNECTIONS, duration: 2, requests: PATHS.map((p) => ({ method: 'GET', path: p, headers })) });
    const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS, requests: PATHS.map((p) => ({ method: 'GET', path: p, headers })) });
    const rps = result.requests.average;
    const p99 = result.latency.p99;
    const failed = result.non2xx + result.errors + result.timeouts;
    console.log(`GET /api/events (mix of ${PATHS.length} queries, ${CONNECTIONS} connections, ${SECONDS} s): ${rps.toFixed(0)} requests/s, latency p50 ${result.latency.p50} ms, p99 ${p99} ms, max ${result.latency.max} ms, ${failed} failed`);
    const ok = rps >= TARGET_RPS && p99 <= TARGET_P99_MS && failed === 0;
    console.log(`| events | requests/s | p50 ms | p99 ms | target |\n|---|---|---|---|---|\n| ${events.toLocaleString()} | ${rps.toFixed(0)} | ${result.latency.p50} | ${p99} | >= ${TARGET_RPS}/s, p99 <= ${TARGET_P99_MS} ms: ${ok ? 'met' : 'MISSED'} |`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (server) {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the server, in a child process so that the load generator does not share its event loop ----------------------

async function serveChild() {
  const [{ openStore }, { createApp }, { listen }] = await Promise.all([importBuilt('store/index.js'), importBuilt('server/app.js'), importBuilt('server/listen.js')]);
  const store = await openStore(arg('--serve'));
  const { secret } = await store.createToken('bench', 'reader');
  const { app } = createApp({ store, log: () => {} });
  const server = await listen(app, { host: '127.0.0.1', port: 0 });
  process.stdout.write(`${JSON.stringify({ url: server.url, token: secret })}\n`);
  process.on('SIGTERM', async () => { await server.close(); await store.close(); process.exit(0); });
}


if (process.argv.includes('--serve')) await serveChild();
else await main();
