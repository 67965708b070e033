// Tests for `watchfloor demo` and `watchfloor token`: the demo loads once and reruns store nothing twice; tokens are created, listed, revoked.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { openStore } from '../store/index.js';
import { registerServeCommands, type ServeIo } from './serve-commands.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-serve-cli-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs one command line against the real archive code, capturing what it prints. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ServeIo = { open: openStore, out: (s) => void out.push(s), err: (s) => void err.push(s) };
  const program = new Command().exitOverride();
  registerServeCommands(program, io);
  await program.parseAsync(['node', 'watchfloor', ...args]);
  return { out: out.join(''), err: err.join('') };
}

test('demo --no-serve loads the corpus and runs the tracker; a rerun stores nothing twice', async () => {
  const db = path.join(dir, 'demo.db');
  const first = await run('demo', '--no-serve', '--db', db, '--as-of', '2025-11-01');
  assert.match(first.out, /36 new, 0 already stored, 0 failed; the archive holds 36 documents/);
  assert.match(first.out, /tracker \(as of 2025-11-01\): \d+ forecasts/);
  assert.match(first.out, /warning: .*: (LOW|GUARDED|ELEVATED|HIGH|CRITICAL)/);
  const again = await run('demo', '--no-serve', '--db', db);
  assert.match(again.out, /0 new, 36 already stored, 0 failed; the archive holds 36 documents/);
});

test('token create prints the secret once; list shows it without the secret; revoke ends it', async () => {
  const db = path.join(dir, 'tokens.db');
  const created = await run('token', 'create', '--name', 'rita', '--role', 'reader', '--db', db);
  const secret = created.out.trim();
  assert.match(secret, /^\S{16,}$/);
  assert.match(created.err, /token (\S+) "rita" \(reader\)/);
  const id = /token (\S+) "rita"/.exec(created.err)![1];
  const listed = await run('token', 'list', '--db', db);
  assert.match(listed.out, new RegExp(`${id}\\s+rita\\s+reader\\s+\\S+\\s+active`));
  assert.ok(!listed.out.includes(secret));
  assert.match((await run('token', 'revoke', id, '--db', db)).out, new RegExp(`revoked ${id}`));
  assert.match((await run('token', 'list', '--db', db)).out, /revoked/);
  await assert.rejects(run('token', 'revoke', 'nope', '--db', db), /no active token "nope"/);
});
