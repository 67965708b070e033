// Two processes ingesting into one SQLite file at the same time: both succeed, nothing is lost or stored twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../index.js';

const WRITER = `
import { openStore } from ${JSON.stringify(new URL('../index.js', import.meta.url).href)};
import { article } from ${JSON.stringify(new URL('../fixtures.js', import.meta.url).href)};
const [file, name] = process.argv.slice(2);
const store = await openStore(file);
const statuses = {};
const words = ['troops', 'shells', 'drones', 'talks', 'sanctions', 'ships', 'envoys', 'missiles'];
const text = (who, i) => \`Report \${who} number \${i}: officials in Seoul counted \${words[i % 8]} near the border on day \${i}, and Russia said \${words[(i * 3) % 8]} would follow within \${i + 2} weeks.\`;
for (let i = 0; i < 40; i++) {
  // each process writes its own 40 reports and, interleaved, the same 10 shared ones
  for (const input of [text(name, i), ...(i % 4 === 0 ? [text('shared', i)] : [])].map((t, j) => article({
    text: t, published: '2024-06-' + String(10 + (i % 5)).padStart(2, '0'),
    actors: [{ text: 'Seoul', code: 'KOR' }, { text: 'Russia', code: 'RUS' }],
    events: [{ type: 'MOBILIZE', source: [1], target: [0], trigger: 'follow' }],
  }))) {
    const r = await store.ingest(input);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  }
}
await store.close();
process.stdout.write(JSON.stringify(statuses));
`;

function run(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('two processes ingesting into one SQLite file both succeed', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-two-'));
  try {
    const file = path.join(dir, 'shared.db');
    const script = path.join(dir, 'writer.mjs');
    fs.writeFileSync(script, WRITER);
    const [a, b] = await Promise.all([run(script, [file, 'alpha']), run(script, [file, 'beta'])]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    const statuses = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    const total = (s: string) => statuses.reduce((n, x) => n + (x[s] ?? 0), 0);
    assert.equal(total('duplicate'), 10, 'each shared report is stored by exactly one of the two');
    const store = await openStore(file);
    try {
      const stats = await store.stats();
      assert.equal(stats.documents, 40 + 40 + 10);
      assert.equal(stats.events, 90);
      const clustered = await store.clusters({ limit: 1000 });
      assert.equal(clustered.reduce((n, c) => n + c.mentionCount, 0), 90);
    } finally {
      await store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
