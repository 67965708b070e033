// PLOVER JSON export: one PLOVER event per archived event that PLOVER would code, status folded into PLOVER's conventions.
import { MODES, type PloverType } from '../core/plover.js';
import type { RecordActor, RecordEvent } from '../core/record.js';
import { actorIndex, foldToPlover } from './fold.js';
import { actorsOf, eventDay, type ExportDocument, type Exporter } from './types.js';

export interface PloverActor { code: string; sector?: string; name?: string; text: string }

/** Field names follow the PLOVER manual (event, mode, context, actor, recipient); the rest says where the event was read. */
export interface PloverEvent {
  id: string;
  date: string;
  event: PloverType;
  mode?: string;
  context: string[];
  actor: PloverActor[];
  recipient: PloverActor[];
  location?: { placename: string; country?: string; lat?: number; lon?: number };
  /** the event as the text holds it, before folding */
  original: { event: PloverType; status: RecordEvent['status'] };
  doc: { id: string; title?: string; published?: string; url?: string; source?: string };
  trigger: string;
  sentence_span: [number, number];
}

function ploverActor(a: RecordActor): PloverActor {
  return { code: a.code, ...(a.sector ? { sector: a.sector } : {}), ...(a.name ? { name: a.name } : {}), text: a.text };
}

/** The PLOVER events of one document: negated and hypothetical events are left out, forecasts folded. */
export function ploverEvents(doc: ExportDocument): PloverEvent[] {
  const { document: d, events, actors } = doc.record;
  const byId = actorIndex(actors);
  const out: PloverEvent[] = [];
  for (const e of events) {
    const event = foldToPlover(e, byId);
    if (!event) continue;
    // a mode belongs to its type: "troops" means nothing on a THREATEN
    const mode = e.mode && MODES[event]?.includes(e.mode) ? e.mode : undefined;
    out.push({
      id: `${doc.id}:${e.id}`,
      date: eventDay(e, d.referenceDate),
      event,
      ...(mode ? { mode } : {}),
      context: e.context,
      actor: actorsOf(e.source, byId).map(ploverActor),
      recipient: actorsOf(e.target, byId).map(ploverActor),
      ...(e.where ? { location: { placename: e.where.name ?? e.where.text, country: e.where.code, lat: e.where.lat, lon: e.where.lon } } : {}),
      original: { event: e.type, status: e.status },
      doc: { id: doc.id, title: d.title, published: d.published, url: d.url, source: d.source },
      trigger: e.trigger.text,
      sentence_span: e.sentence.span,
    });
  }
  return out;
}

/** A JSON array, written one event at a time. */
export function ploverExporter(): Exporter {
  let first = true;
  return {
    begin: () => '[',
    document(doc) {
      let text = '';
      for (const event of ploverEvents(doc)) {
        text += `${first ? '\n' : ',\n'}${JSON.stringify(event)}`;
        first = false;
      }
      return text;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}
