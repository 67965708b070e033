// Test fixtures: a real SQLite archive in a temp folder holding a few articles (extracted with the real model), to serve in tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDocument } from '../ingest/ingest.js';
import { loadModel } from '../nlp/model/load.js';
import type { Model } from '../nlp/model/types.js';
import { openStore } from '../store/index.js';
import type { DocumentMeta, Storage } from '../store/types.js';

export interface TestArticle { id: string; text: string; title?: string; published?: string }

let model: Model | undefined;
export const testModel = (): Model => (model ??= loadModel());

/** A fresh SQLite archive in a temp folder holding these articles; remove() closes and deletes it. */
export async function testArchive(articles: TestArticle[]): Promise<{ store: Storage; remove: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-server-'));
  const storage = await openStore(path.join(dir, 'test.db'));
  for (const a of articles) {
    const meta: DocumentMeta = { externalId: a.id };
    if (a.title) meta.title = a.title;
    if (a.published) meta.published = a.published;
    const prepared = await prepareDocument({ name: a.id, id: a.id, text: a.text, meta }, testModel(), storage);
    if ('input' in prepared) await storage.ingest(prepared.input);
  }
  return { store: storage, remove: async () => { await storage.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** The demo corpus article with this number, read from the repository (tests run from the project root). */
export function demoArticle(n: number): TestArticle {
  const dir = path.resolve('demo/corpus');
  const file = fs.readdirSync(dir).find((f) => f.startsWith(String(n).padStart(3, '0')));
  if (!file) throw new Error(`no demo article ${n} in ${dir}`);
  const a = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as TestArticle;
  return { id: a.id, text: a.text, title: a.title, published: a.published };
}
