// GDELT 2.0 event-table export: the 61 tab-separated columns, one row per dyad of each event PLOVER would code,
// with CAMEO codes from the reversed PLOVER crosswalk.
import { createHash } from 'node:crypto';
import { isCountryCode } from '../core/countries.js';
import type { RecordActor, RecordEvent, Place } from '../core/record.js';
import { cameoFor, quadClass } from './cameo.js';
import { namesWholeCountry } from './countries.js';
import { actorIndex, foldToPlover } from './fold.js';
import { actorsOf, eventDay, type ExportDocument, type Exporter } from './types.js';

const ACTOR_FIELDS = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO_FIELDS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** The GDELT 2.0 event table's columns, in order (GDELT files carry no header line; this names them). */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR_FIELDS.map((f) => `Actor1${f}`), ...ACTOR_FIELDS.map((f) => `Actor2${f}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO_FIELDS.map((f) => `Actor1Geo_${f}`), ...GEO_FIELDS.map((f) => `Actor2Geo_${f}`), ...GEO_FIELDS.map((f) => `ActionGeo_${f}`),
  'DATEADDED', 'SOURCEURL',
];

type Cell = string | number | undefined;

/** A stable positive integer id (48 bits) for an event row, so that re-exports give the same ids. */
export function globalEventId(docId: string, eventId: string, dyad: number): number {
  return parseInt(createHash('sha256').update(`${docId}\t${eventId}\t${dyad}`).digest('hex').slice(0, 12), 16);
}

/** GDELT's FractionDate: the year plus (month * 30 + day) / 365, to four places. */
export function fractionDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return (y + (m * 30 + d) / 365).toFixed(4);
}


/** The ten actor columns. The CAMEO actor code is the country (none when unknown) followed by the sector. */
function actorColumns(a: RecordActor | undefined): Cell[] {
  if (!a) return ACTOR_FIELDS.map(() => undefined);
  const country = a.code === '---' ? '' : a.code;
  const sector = a.sector && a.sector !== country ? a.sector : '';
  return [country + sector, (a.name ?? a.text).toUpperCase(), isCountryCode(a.code) ? a.code : undefined, undefined, undefined, undefined, undefined, sector || undefined, undefined, undefined];
}

/** The eight geo columns of the action's place. The country code is ISO 3166-1 alpha-3 (GDELT uses FIPS 10-4; no FIPS table is bundled). */
function geoColumns(p: Place | undefined): Cell[] {
  if (!p || (!p.code && p.lat === undefined)) return GEO_FIELDS.map(() => undefined);
  // GDELT geo types: 1 a country, 4 a place in a country outside the US (the archive does not resolve US states or cities apart)
  const type = namesWholeCountry(p.code, p.name, p.text) || p.lat === undefined ? 1 : 4;
  return [type, p.name ?? p.text, p.code, undefined, undefined, p.lat, p.lon, undefined];
}

/** YYYYMMDDHHMMSS of an ISO timestamp, else of a day at midnight. */
function compactTime(iso: string): string {
  return iso.replace(/[-:T]/g, '').slice(0, 14).padEnd(14, '0');
}

const cell = (c: Cell): string => (c === undefined ? '' : String(c).replace(/[\t\r\n]+/g, ' '));

/** The rows of one event: one per source-target pair (a compound side gives several dyads), none when PLOVER would not code it. */
export function gdeltRows(doc: ExportDocument, event: RecordEvent, byId: ReadonlyMap<string, RecordActor>): Cell[][] {
  const folded = foldToPlover(event, byId);
  if (!folded) return [];
  const d = doc.record.document;
  const cameo = cameoFor({ type: folded, mode: event.mode, context: event.context, foldedFrom: event.type });
  const day = eventDay(event, d.referenceDate);
  const sources = actorsOf(event.source, byId), targets = actorsOf(event.target, byId);
  const pairs: [RecordActor | undefined, RecordActor | undefined][] = [];
  for (const s of sources.length ? sources : [undefined]) for (const t of targets.length ? targets : [undefined]) pairs.push([s, t]);
  const mentions = 1 + (event.reports?.length ?? 0);
  return pairs.map(([s, t], k) => [
    globalEventId(doc.id, event.id, k), day.replace(/-/g, ''), day.slice(0, 7).replace('-', ''), day.slice(0, 4), fractionDate(day),
    ...actorColumns(s), ...actorColumns(t),
    // GDELT marks events of the lead paragraph as root events
    event.sentence.index === 0 ? 1 : 0, cameo.code, cameo.base, cameo.root, quadClass(cameo.root),
    // the Goldstein scale needs the CAMEO Goldstein table, which is not bundled; tone is not measured
    undefined, mentions, 1, 1, undefined,
    ...geoColumns(undefined), ...geoColumns(undefined), ...geoColumns(event.where),
    compactTime(doc.addedAt ?? d.referenceDate), d.url ?? d.source,
  ]);
}

export function gdeltExporter(): Exporter {
  return {
    begin: () => '',
    document(doc) {
      const byId = actorIndex(doc.record.actors);
      return doc.record.events.flatMap((e) => gdeltRows(doc, e, byId)).map((row) => `${row.map(cell).join('\t')}\n`).join('');
    },
    end: () => '',
  };
}
