// Tests for webhook delivery against a local server, including one that fails at first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeliveryError, webhookSink } from './deliver.js';
import type { Alert } from '../track/rules.js';

const alert: Alert = { rule: 'r', eventId: 'e1', docId: 'd1', docDate: '2024-10-23', type: 'AID', status: 'asserted', source: ['PRK'], target: ['RUS'] };

async function serverAnswering(statuses: number[]): Promise<{ url: string; bodies: string[]; close: () => Promise<void> }> {
  const bodies: string[] = [];
  let i = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => { bodies.push(body); res.statusCode = statuses[Math.min(i++, statuses.length - 1)]; res.end(); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => new Promise((r) => server.close(() => r())) };
}

test('a webhook that fails twice is retried with growing delays and then gets the alerts', async () => {
  const srv = await serverAnswering([503, 500, 200]);
  const waits: number[] = [];
  await webhookSink(srv.url, { backoffMs: 10, sleep: async (ms) => { waits.push(ms); } }).send([alert]);
  assert.equal(srv.bodies.length, 3);
  assert.deepEqual(JSON.parse(srv.bodies[2]).alerts[0].eventId, 'e1');
  assert.deepEqual(waits, [10, 20]);
  await srv.close();
});

test('a webhook that keeps failing, or refuses the request, gives a clear error', async () => {
  const down = await serverAnswering([500]);
  await assert.rejects(webhookSink(down.url, { attempts: 3, sleep: async () => {} }).send([alert]), (e: unknown) => e instanceof DeliveryError && /after 3 attempt\(s\): HTTP 500/.test(e.message));
  await down.close();
  const refuses = await serverAnswering([400]);
  await assert.rejects(webhookSink(refuses.url, { attempts: 5, sleep: async () => {} }).send([alert]), /HTTP 400/);
  assert.equal(refuses.bodies.length, 1);
  await refuses.close();
  assert.throws(() => webhookSink('ftp://x'), /must be http or https/);
});
