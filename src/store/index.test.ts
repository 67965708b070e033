// Opening an archive: URLs choose the backend; a bad URL, a missing folder or a file that is not an archive give clear errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DB, openStore, resolveDbUrl, StoreError } from './index.js';

const storeError = (code: StoreError['code'], pattern: RegExp) => (err: unknown) => {
  assert.ok(err instanceof StoreError, `expected a StoreError, got ${String(err)}`);
  assert.equal(err.code, code);
  assert.match(err.message, pattern);
  return true;
};

test('the archive URL comes from --db, else WATCHFLOOR_DB, else ./watchfloor.db', () => {
  assert.equal(resolveDbUrl('a.db', { WATCHFLOOR_DB: 'b.db' }), 'a.db');
  assert.equal(resolveDbUrl(undefined, { WATCHFLOOR_DB: 'postgres://x/y' }), 'postgres://x/y');
  assert.equal(resolveDbUrl(undefined, {}), DEFAULT_DB);
});

test('an unsupported URL scheme is refused, naming it, without the password', async () => {
  await assert.rejects(openStore('mysql://root:secret@localhost/db'), storeError('bad-url', /unsupported database URL "mysql:\/\/\*\*\*@localhost\/db"/));
  await assert.rejects(openStore(''), storeError('bad-url', /no database given/));
});

test('a SQLite file in a missing folder, a folder, or a file that is not a database gives a clear error', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-open-'));
  try {
    await assert.rejects(openStore(path.join(dir, 'no', 'such', 'folder', 'a.db')), storeError('unreadable', /folder .* does not exist/));
    await assert.rejects(openStore(dir), storeError('unreadable', /is a folder/));
    const junk = path.join(dir, 'notes.txt');
    fs.writeFileSync(junk, 'these are my notes, not an archive\n'.repeat(200));
    await assert.rejects(openStore(junk), storeError('unreadable', /notes\.txt is not a watchfloor archive/));
    const store = await openStore(`sqlite:${path.join(dir, 'ok.db')}`);
    assert.equal(store.dialect, 'sqlite');
    await store.close();
    assert.ok(fs.existsSync(path.join(dir, 'ok.db')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an unreachable PostgreSQL server or a malformed URL gives a clear error', async () => {
  await assert.rejects(openStore('postgres://nobody@127.0.0.1:1/none'), storeError('unreachable', /cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none/));
  await assert.rejects(openStore('postgres://h/db?schema=bad;name'), storeError('bad-url', /schema name/));
  await assert.rejects(openStore('postgres://[oops/db'), storeError('bad-url', /not a valid PostgreSQL URL/));
});
