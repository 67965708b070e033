// Tests for `watchfloor ingest` as a process: watching a folder and queueing what appears for the workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../store/index.js';

const main = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.js');

test('ingest --queue --watch queues each new file of a watched folder until Ctrl-C', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-queue-watch-'));
  const inbox = path.join(dir, 'inbox');
  fs.mkdirSync(inbox);
  fs.writeFileSync(path.join(inbox, 'first.txt'), 'North Korea may send troops to Russia, the NIS said.');
  const db = path.join(dir, 'archive.db');
  const child = spawn(process.execPath, [main, 'ingest', '--queue', '--watch', inbox, '--db', db, '--interval', '0.2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const queued = (n: number) => new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${n} queued; stderr: ${stderr}`)), 15_000);
    const check = () => { if ((stderr.match(/^queued: /gm) ?? []).length >= n) { clearTimeout(timer); resolve(); } };
    child.stderr.on('data', (d) => { stderr += d; check(); });
    check();
  });
  try {
    await queued(1);
    fs.writeFileSync(path.join(inbox, 'second.txt'), 'Seoul condemned the shipments of shells to Russia.');
    await queued(2);
  } finally {
    child.kill('SIGINT');
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.match(stdout, /2 queued/);
  const store = await openStore(db);
  try {
    assert.equal((await store.stats()).jobs.queued, 2);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
