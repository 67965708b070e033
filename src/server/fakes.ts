// Test helpers: an in-memory TrackingStore beside a real SQLite archive (the real tracking tables are the integrator's), and a small archive to serve.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDocument } from '../ingest/ingest.js';
import { loadModel } from '../nlp/model/load.js';
import type { Model } from '../nlp/model/types.js';
import { openStore } from '../store/index.js';
import type { ResolutionEntry, Role, TokenInfo, TrackingStore } from '../store/tracking-types.js';
import type { DocumentMeta, Storage } from '../store/types.js';
import { trackEventsOf } from '../track/from-record.js';
import type { TrackEvent } from '../track/forecasts.js';
import type { ServerStore } from './tracker.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Resolutions and tokens in memory; trackEvents derived from the archive's stored records. */
export function fakeTracking(storage: Storage): TrackingStore {
  const resolutions: ResolutionEntry[] = [];
  const tokens: (TokenInfo & { hash: Buffer })[] = [];
  const info = ({ hash: _hash, ...t }: TokenInfo & { hash: Buffer }): TokenInfo => ({ ...t });
  return {
    async addResolution(entry) { resolutions.push({ ...entry }); },
    async resolutions(forecastId) { return resolutions.filter((r) => !forecastId || r.forecastId === forecastId).map((r) => ({ ...r })); },
    async trackEvents(options = {}) {
      const out: TrackEvent[] = [];
      for (let page = await storage.documents({ limit: 200 }); page.length; page = await storage.documents({ after: page[page.length - 1].id, limit: 200 })) {
        for (const doc of page) out.push(...trackEventsOf(doc.record, { docId: doc.id, text: doc.text, sourceKey: doc.storyId }));
      }
      return out.filter((e) => (!options.since || e.docDate >= options.since) && (!options.until || e.docDate <= options.until))
        .sort((a, b) => a.docDate.localeCompare(b.docDate) || a.id.localeCompare(b.id));
    },
    async createToken(name: string, role: Role) {
      const secret = `wf_${randomBytes(24).toString('base64url')}`;
      const t = { id: `tok-${tokens.length + 1}`, name, role, createdAt: new Date().toISOString(), revoked: false, hash: sha256(secret) };
      tokens.push(t);
      return { info: info(t), secret };
    },
    async verifyToken(secret) {
      const hash = sha256(secret);
      const t = tokens.find((x) => timingSafeEqual(x.hash, hash));
      return t && !t.revoked ? info(t) : null;
    },
    async listTokens() { return tokens.map(info); },
    async revokeToken(id) {
      const t = tokens.find((x) => x.id === id);
      if (!t || t.revoked) return false;
      t.revoked = true;
      return true;
    },
  };
}

/** The archive and the fake tracking store as one object, the shape the server asks for. */
export function combine(storage: Storage, tracking: TrackingStore): ServerStore {
  return new Proxy(storage, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in tracking) return (tracking as unknown as Record<string, unknown>)[prop];
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as ServerStore;
}

export interface TestArticle { id: string; text: string; title?: string; published?: string }

let model: Model | undefined;
export const testModel = (): Model => (model ??= loadModel());

/** A fresh SQLite archive in a temp folder holding these articles, with the fake tracking store; remove() deletes it. */
export async function testArchive(articles: TestArticle[]): Promise<{ store: ServerStore; remove: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-server-'));
  const storage = await openStore(path.join(dir, 'test.db'));
  for (const a of articles) {
    const meta: DocumentMeta = { externalId: a.id };
    if (a.title) meta.title = a.title;
    if (a.published) meta.published = a.published;
    const prepared = await prepareDocument({ name: a.id, id: a.id, text: a.text, meta }, testModel(), storage);
    if ('input' in prepared) await storage.ingest(prepared.input);
  }
  const store = combine(storage, fakeTracking(storage));
  return { store, remove: async () => { await storage.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** The demo corpus article with this number, read from the repository (tests run from the project root). */
export function demoArticle(n: number): TestArticle {
  const dir = path.resolve('demo/corpus');
  const file = fs.readdirSync(dir).find((f) => f.startsWith(String(n).padStart(3, '0')));
  if (!file) throw new Error(`no demo article ${n} in ${dir}`);
  const a = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as TestArticle;
  return { id: a.id, text: a.text, title: a.title, published: a.published };
}
