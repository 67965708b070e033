// STIX 2.1 export: a bundle with a report per document, identities for actors, locations, a relationship per event dyad
// and a note per event carrying what STIX has no field for (status, attribution, likelihood, window, magnitude).
// Every id is a UUIDv5 of the object's content, so the same archive always exports the same bundle.
import { createHash } from 'node:crypto';
import { addDays, toIsoDate } from '../core/ids.js';
import type { RecordActor, RecordEvent } from '../core/record.js';
import { alpha2 } from './countries.js';
import { actorIndex } from './fold.js';
import { actorCode, actorsOf, type ExportDocument, type Exporter } from './types.js';

/** RFC 4122 name-based UUID (version 5, SHA-1). */
export function uuidv5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const b = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** RFC 4122's URL namespace; the project's own namespace is the v5 UUID of its name in it. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
export const WATCHFLOOR_NAMESPACE = uuidv5('https://github.com/watchfloor/watchfloor#stix', URL_NAMESPACE);

export const stixId = (type: string, key: string): string => `${type}--${uuidv5(`${type}\n${key}`, WATCHFLOOR_NAMESPACE)}`;

type StixObject = { type: string; id: string } & Record<string, unknown>;

/** Midnight UTC of a day, as a STIX timestamp. */
const dayStamp = (day: string): string => `${day}T00:00:00.000Z`;

const IDENTITY_CLASS: Record<RecordActor['kind'], string> = {
  person: 'individual', group: 'group', state: 'organization', igo: 'organization', organization: 'organization',
};

function common(type: string, key: string, created: string): StixObject {
  return { type, spec_version: '2.1', id: stixId(type, key), created, modified: created };
}

const identityKey = (a: RecordActor): string => [a.kind, a.code, a.sector ?? '', (a.org ?? a.name ?? a.text).toLowerCase()].join('\t');

function identity(a: RecordActor, created: string): StixObject {
  return {
    ...common('identity', identityKey(a), created),
    name: a.org ?? a.name ?? a.text,
    identity_class: IDENTITY_CLASS[a.kind],
    description: `${actorCode(a)} (${a.kind})`,
    x_watchfloor_code: a.code,
    ...(a.sector ? { x_watchfloor_sector: a.sector } : {}),
    ...(a.title ? { x_watchfloor_title: a.title } : {}),
  };
}

function location(where: NonNullable<RecordEvent['where']>, created: string): StixObject | null {
  const country = alpha2(where.code);
  const hasPoint = where.lat !== undefined && where.lon !== undefined;
  if (!country && !hasPoint) return null; // STIX needs a region, a country or a point
  const name = where.name ?? where.text;
  return {
    ...common('location', [where.code ?? '', name.toLowerCase(), where.lat ?? '', where.lon ?? ''].join('\t'), created),
    name,
    ...(country ? { country } : {}),
    ...(hasPoint ? { latitude: where.lat, longitude: where.lon } : {}),
    ...(where.code ? { x_watchfloor_code: where.code } : {}),
  };
}

/** What the event's note says, in words an analyst reads in a STIX viewer. */
function noteText(e: RecordEvent, byId: ReadonlyMap<string, RecordActor>): string {
  const side = (ids: string[]) => actorsOf(ids, byId).map(actorCode).join('+') || '?';
  const parts = [`${e.type} ${side(e.source)} -> ${side(e.target)}: ${e.status}`, `trigger "${e.trigger.text}"`];
  const by = e.attribution?.actor !== undefined ? byId.get(e.attribution.actor) : undefined;
  if (e.attribution) parts.push(`according to ${by ? actorCode(by) : e.attribution.text ?? 'an unnamed source'} ("${e.attribution.cue}")`);
  if (e.likelihood) parts.push(`likelihood ${e.likelihood.p} ("${e.likelihood.cue}")`);
  if (e.when) parts.push(`window ${e.when.start}..${e.when.end} ("${e.when.text}")`);
  if (e.magnitude) parts.push(`magnitude ${e.magnitude.min}-${e.magnitude.max}${e.magnitude.unit ? ` ${e.magnitude.unit}` : ''} ("${e.magnitude.text}")`);
  return parts.join('; ');
}

/** The STIX objects of one document; `seen` holds ids already written, so that shared identities and locations appear once. */
export function stixObjects(doc: ExportDocument, seen: Set<string>): StixObject[] {
  const { document: d, actors, events } = doc.record;
  const created = dayStamp(d.referenceDate);
  const byId = actorIndex(actors);
  const out: StixObject[] = [];
  const refs = new Set<string>();
  const add = (o: StixObject): string => {
    refs.add(o.id);
    if (!seen.has(o.id)) {
      seen.add(o.id);
      out.push(o);
    }
    return o.id;
  };
  const identityIds = new Map(actors.map((a) => [a.id, add(identity(a, created))]));
  const idsOf = (actorIds: string[]) => actorIds.map((id) => identityIds.get(id)).filter((x): x is string => x !== undefined);
  const reportId = stixId('report', doc.id);
  for (const e of events) {
    const place = e.where ? location(e.where, created) : null;
    const placeId = place ? add(place) : undefined;
    const relationships: string[] = [];
    for (const source of idsOf(e.source)) {
      for (const target of idsOf(e.target)) {
        const window = e.when && toIsoDate(e.when.start) && toIsoDate(e.when.end)
          ? { start_time: dayStamp(e.when.start), stop_time: dayStamp(addDays(toIsoDate(e.when.end)!, 1)) } : {};
        relationships.push(add({
          ...common('relationship', `${doc.id}\t${e.id}\t${source}\t${target}`, created),
          relationship_type: e.type.toLowerCase(),
          source_ref: source,
          target_ref: target,
          description: `${e.type} (${e.status}): "${e.trigger.text}"`,
          ...window,
          confidence: Math.round(e.confidence * 100),
          x_watchfloor_status: e.status,
          ...(e.mode ? { x_watchfloor_mode: e.mode } : {}),
          ...(placeId ? { x_watchfloor_location_ref: placeId } : {}),
        }));
      }
    }
    const about = relationships.length ? relationships : idsOf([...e.source, ...e.target]);
    const attributedTo = e.attribution?.actor !== undefined ? identityIds.get(e.attribution.actor) : undefined;
    add({
      ...common('note', `${doc.id}\t${e.id}`, created),
      abstract: `${e.type} ${e.status}`,
      content: noteText(e, byId),
      object_refs: about.length ? about : placeId ? [placeId] : [reportId],
      x_watchfloor_status: e.status,
      ...(attributedTo ? { x_watchfloor_attributed_to_ref: attributedTo } : {}),
      ...(e.likelihood ? { x_watchfloor_likelihood: e.likelihood.p } : {}),
      ...(e.when ? { x_watchfloor_window_start: e.when.start, x_watchfloor_window_end: e.when.end } : {}),
      ...(e.magnitude ? { x_watchfloor_magnitude_min: e.magnitude.min, x_watchfloor_magnitude_max: e.magnitude.max } : {}),
    });
  }
  if (refs.size) {
    out.push({
      ...common('report', doc.id, created),
      name: d.title ?? doc.id,
      published: dayStamp(d.published ?? d.referenceDate),
      report_types: ['threat-report'],
      object_refs: [...refs],
      ...(d.url ? { external_references: [{ source_name: d.source ?? 'article', url: d.url }] } : {}),
      x_watchfloor_document_id: doc.id,
    });
  }
  return out;
}

/** A bundle written object by object; its id comes last because it is the hash of every object id before it. */
export function stixExporter(): Exporter {
  const seen = new Set<string>();
  const digest = createHash('sha256');
  let first = true;
  return {
    begin: () => '{"type":"bundle","objects":[',
    document(doc) {
      let text = '';
      for (const o of stixObjects(doc, seen)) {
        digest.update(o.id);
        text += `${first ? '\n' : ',\n'}${JSON.stringify(o)}`;
        first = false;
      }
      return text;
    },
    end: () => `\n],"id":"bundle--${uuidv5(digest.digest('hex'), WATCHFLOOR_NAMESPACE)}"}\n`,
  };
}
