// Replays a set of articles into an archive in publication order and checks the tracker's resolutions against their storylines.
import type { Model } from '../nlp/model/types.js';
import { ingestItems } from '../ingest/ingest.js';
import type { SourceItem } from '../ingest/readers/types.js';
import type { Storage } from '../store/types.js';
import type { TrackedForecast } from './forecasts.js';
import { loadForecasts } from './service.js';
import { checkStorylines, type Storyline, type StorylineCheck } from './storylines.js';

export interface Article { id: string; text: string; title?: string; published?: string }

export interface Replay { forecasts: TrackedForecast[]; checks: StorylineCheck[]; asOf: string; nameOf: (docId: string) => string }

export async function replayStorylines(articles: Article[], storylines: Storyline[], storage: Storage, model: Model): Promise<Replay> {
  const ordered = [...articles].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id));
  const items: SourceItem[] = ordered.map((a) => ({ doc: { name: a.id, id: a.id, text: a.text, meta: { externalId: a.id, title: a.title, published: a.published } } }));
  // one document per transaction, so the archive grows in publication order as it would from a live feed
  await ingestItems(items, { storage, model, batchSize: 1 });
  const names = new Map<string, string>();
  const nameOf = (docId: string) => names.get(docId) ?? docId;
  for (const e of await storage.trackEvents()) {
    if (names.has(e.docId)) continue;
    names.set(e.docId, (await storage.document(e.docId))?.meta.externalId ?? e.docId);
  }
  const { forecasts, asOf } = await loadForecasts(storage);
  return { forecasts, checks: checkStorylines(storylines, forecasts, nameOf), asOf, nameOf };
}
