// Fetching over HTTP against a local server on 127.0.0.1: pages and feeds come in; slow, huge, looping and non-text answers are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchText, isInternalAddress } from './url.js';
import { readUrl } from './sources.js';
import { RSS } from './feed.test.js';

const ARTICLE = '<html><head><meta property="article:published_time" content="2024-03-04"><title>Poland</title></head><body><article><p>Poland sent 2,000 soldiers to its border with Belarus on Monday, the defence ministry said, and officials in Warsaw said the troops would stay until the end of the month.</p></article></body></html>';

let server: http.Server;
let base = '';
const limits = { timeoutMs: 500, maxBytes: 4096, maxRedirects: 2 };

before(async () => {
  server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    switch (req.url) {
      case '/article': return send(200, 'text/html; charset=utf-8', ARTICLE);
      case '/feed': return send(200, 'application/rss+xml', RSS);
      case '/latin1': return send(200, 'text/plain; charset=iso-8859-1', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
      case '/image': return send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      case '/missing': return send(404, 'text/plain', 'no');
      case '/hop1': return send(302, 'text/plain', '', { location: '/hop2' });
      case '/hop2': return send(301, 'text/plain', '', { location: '/article' });
      case '/loop': return send(302, 'text/plain', '', { location: '/loop' });
      case '/big': return send(200, 'text/plain', 'x'.repeat(10_000), { 'content-length': '10000' });
      case '/big-chunked': {
        // no content-length: the cap must hold while reading
        res.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
        return res.end();
      }
      case '/slow': {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('starting...');
        const t = setTimeout(() => res.end('done'), 3000);
        res.on('close', () => clearTimeout(t));
        return;
      }
      default: return send(500, 'text/plain', 'unexpected');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('an article page is fetched, decoded and read', async () => {
  const [item] = await readUrl(`${base}/article`, { limits: { maxBytes: 4096 }, fetch: limits });
  assert.ok('doc' in item);
  assert.match(item.doc.text, /^Poland sent 2,000 soldiers/);
  assert.equal(item.doc.meta.published, '2024-03-04');
  assert.equal(item.doc.meta.url, `${base}/article`);
});

test('a feed url gives its items', async () => {
  const items = await readUrl(`${base}/feed`, { limits: { maxBytes: 4096 }, fetch: limits });
  assert.equal(items.filter((i) => 'doc' in i).length, 2);
});

test('the declared character set is honoured', async () => {
  assert.equal((await fetchText(`${base}/latin1`, limits)).text, 'café');
});

test('redirects are followed up to the cap, and the final url is kept', async () => {
  assert.equal((await fetchText(`${base}/hop1`, limits)).url, `${base}/article`);
  await assert.rejects(fetchText(`${base}/loop`, limits), /more than 2 redirects/);
});

test('refusals name the url and the reason', async () => {
  await assert.rejects(fetchText(`${base}/image`, limits), /content type image\/png is not an article or a feed/);
  await assert.rejects(fetchText(`${base}/missing`, limits), /HTTP 404/);
  await assert.rejects(fetchText(`${base}/big`, limits), /10000 bytes, over the limit of 4096/);
  await assert.rejects(fetchText(`${base}/big-chunked`, limits), /larger than the limit of 4096 bytes/);
  await assert.rejects(fetchText(`${base}/slow`, limits), /no complete answer within 500 ms/);
  await assert.rejects(fetchText('ftp://127.0.0.1/x', limits), /only http and https/);
  await assert.rejects(fetchText('http://127.0.0.1:1/refused', limits), /127\.0\.0\.1:1/);
});

test('readUrl turns a refusal into a named failure', async () => {
  assert.deepEqual(await readUrl(`${base}/missing`, { limits: { maxBytes: 4096 }, fetch: limits }), [{ failure: { name: `${base}/missing`, reason: `${base}/missing: HTTP 404 Not Found` } }]);
});

test('a fetch for others refuses internal addresses, by name or number, and at every redirect', async () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '0.0.0.0']) assert.ok(isInternalAddress(a), a);
  for (const a of ['8.8.8.8', '93.184.216.34', '2001:4860:4860::8888', '172.32.0.1']) assert.ok(!isInternalAddress(a), a);
  const guarded = { ...limits, publicOnly: true };
  await assert.rejects(fetchText(`${base}/article`, guarded), /127\.0\.0\.1 is an internal address .*only fetches public addresses/);
  await assert.rejects(fetchText(`http://localhost:${new URL(base).port}/article`, guarded), /localhost is an internal address/);
  assert.match((await fetchText(`${base}/article`, limits)).text, /Poland sent 2,000 soldiers/);
});
