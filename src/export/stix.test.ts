// The STIX 2.1 export, checked against the rules of the STIX 2.1 specification that hold without a network:
// required properties per object type, id formats, RFC 3339 UTC timestamps, spec_version, custom property names,
// references that resolve inside the bundle, and deterministic (v5) ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stixExporter, stixId, uuidv5 } from './stix.js';
import { EMPTY_DOC, SAMPLE_DOC, SECOND_DOC } from './fixtures.js';
import type { ExportDocument } from './types.js';

type Obj = Record<string, unknown> & { type: string; id: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;
const PROPERTY_NAME = /^[a-z0-9_]{3,250}$/;
const CUSTOM_PROPERTY = /^x_[a-z0-9_]{1,248}$/;
const SPEC_PROPERTIES = new Set([
  'type', 'spec_version', 'id', 'created', 'modified', 'created_by_ref', 'revoked', 'labels', 'confidence', 'lang', 'external_references',
  'object_marking_refs', 'granular_markings', 'extensions', 'name', 'description', 'roles', 'identity_class', 'sectors', 'contact_information',
  'region', 'country', 'administrative_area', 'city', 'street_address', 'postal_code', 'latitude', 'longitude', 'precision',
  'relationship_type', 'source_ref', 'target_ref', 'start_time', 'stop_time', 'abstract', 'content', 'authors', 'object_refs',
  'report_types', 'published',
]);
const REQUIRED: Record<string, string[]> = {
  report: ['name', 'published', 'object_refs'],
  identity: ['name'],
  location: [],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  note: ['content', 'object_refs'],
};
const IDENTITY_CLASSES = new Set(['individual', 'group', 'system', 'organization', 'class', 'unknown']);

/** Every STIX 2.1 rule this test can check; returns the violations, empty when the bundle is valid. */
function violations(bundle: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const fail = (id: string, msg: string) => problems.push(`${id}: ${msg}`);
  if (bundle.type !== 'bundle') fail('bundle', 'type is not "bundle"');
  if (typeof bundle.id !== 'string' || !new RegExp(`^bundle--${UUID}$`).test(bundle.id)) fail('bundle', `bad id ${String(bundle.id)}`);
  if ('spec_version' in bundle) fail('bundle', 'a 2.1 bundle has no spec_version');
  const objects = bundle.objects as Obj[];
  if (!Array.isArray(objects) || objects.length === 0) return [...problems, 'bundle: no objects'];
  const ids = new Set<string>();
  for (const o of objects) {
    if (ids.has(o.id)) fail(o.id, 'duplicate id');
    ids.add(o.id);
  }
  for (const o of objects) {
    const id = String(o.id);
    if (!new RegExp(`^${o.type}--${UUID}$`).test(id)) fail(id, 'id is not type--uuid');
    if (o.spec_version !== '2.1') fail(id, 'spec_version is not "2.1"');
    for (const t of ['created', 'modified']) if (typeof o[t] !== 'string' || !TIMESTAMP.test(o[t] as string)) fail(id, `${t} is not an RFC 3339 UTC timestamp`);
    if (String(o.modified) < String(o.created)) fail(id, 'modified is before created');
    for (const key of Object.keys(o)) {
      // the naming rules bind every property the specification does not define itself ("id" is shorter than 3)
      if (!SPEC_PROPERTIES.has(key) && !(PROPERTY_NAME.test(key) && CUSTOM_PROPERTY.test(key))) fail(id, `unknown property ${key} is not a custom x_ property`);
      if (key.endsWith('_ref') && !ids.has(o[key] as string)) fail(id, `${key} ${String(o[key])} is not in the bundle`);
      if (key.endsWith('_refs')) {
        const refs = o[key] as string[];
        if (!Array.isArray(refs) || refs.length === 0) fail(id, `${key} is empty`);
        else for (const r of refs) if (!ids.has(r)) fail(id, `${key} entry ${r} is not in the bundle`);
      }
    }
    const required = REQUIRED[o.type];
    if (!required) fail(id, `unexpected object type ${o.type}`);
    for (const p of required ?? []) if (o[p] === undefined || o[p] === '') fail(id, `missing required ${p}`);
    if ('confidence' in o && !(Number.isInteger(o.confidence) && (o.confidence as number) >= 0 && (o.confidence as number) <= 100)) fail(id, 'confidence is not an integer 0..100');
    switch (o.type) {
      case 'report':
        if (!TIMESTAMP.test(String(o.published))) fail(id, 'published is not a timestamp');
        break;
      case 'identity':
        if (o.identity_class !== undefined && !IDENTITY_CLASSES.has(o.identity_class as string)) fail(id, 'identity_class outside identity-class-ov');
        break;
      case 'location': {
        const hasPoint = o.latitude !== undefined && o.longitude !== undefined;
        if (!o.region && !o.country && !hasPoint) fail(id, 'a location needs region, country or latitude+longitude');
        if ((o.latitude === undefined) !== (o.longitude === undefined)) fail(id, 'latitude and longitude go together');
        if (hasPoint && (Math.abs(o.latitude as number) > 90 || Math.abs(o.longitude as number) > 180)) fail(id, 'point out of range');
        if (o.country !== undefined && !/^[A-Z]{2}$/.test(String(o.country))) fail(id, 'country is not ISO 3166-1 alpha-2');
        break;
      }
      case 'relationship':
        if (!/^[a-z0-9-]+$/.test(String(o.relationship_type))) fail(id, 'relationship_type is not lower-case a-z0-9-');
        if (o.start_time !== undefined && !TIMESTAMP.test(String(o.start_time))) fail(id, 'start_time is not a timestamp');
        if (o.stop_time !== undefined && !(String(o.stop_time) > String(o.start_time))) fail(id, 'stop_time is not after start_time');
        break;
    }
  }
  return problems;
}

function exportBundle(docs: ExportDocument[]): Record<string, unknown> {
  const x = stixExporter();
  return JSON.parse(x.begin() + docs.map((d) => x.document(d)).join('') + x.end()) as Record<string, unknown>;
}

test('uuidv5 matches the RFC 4122 reference value', () => {
  // the DNS namespace and "www.example.com", as published in RFC 4122 errata and every uuid library's tests
  assert.equal(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

test('the bundle satisfies the STIX 2.1 rules', () => {
  const bundle = exportBundle([SAMPLE_DOC, EMPTY_DOC, SECOND_DOC]);
  assert.deepEqual(violations(bundle), []);
});

test('the checker catches broken bundles (so that the test above can fail)', () => {
  const bundle = exportBundle([SAMPLE_DOC]);
  const objects = bundle.objects as Obj[];
  const rel = objects.find((o) => o.type === 'relationship')!;
  const broken = { ...bundle, objects: [...objects.filter((o) => o !== rel), { ...rel, target_ref: stixId('identity', 'nobody'), created: '2024-06-12 00:00:00', spec_version: '2.0', colour: 'red' }] };
  const found = violations(broken).join('\n');
  assert.match(found, /target_ref .* is not in the bundle/);
  assert.match(found, /created is not an RFC 3339/);
  assert.match(found, /spec_version/);
  assert.match(found, /unknown property colour/);
});

test('one report per document with findings, identities shared across documents written once', () => {
  const objects = exportBundle([SAMPLE_DOC, EMPTY_DOC, SECOND_DOC]).objects as Obj[];
  const count = (type: string) => objects.filter((o) => o.type === type).length;
  assert.equal(count('report'), 2, 'the empty document has no report');
  // eight actors in the first document; the second reuses Russia and Ukraine
  assert.equal(count('identity'), 8);
  const russia = objects.filter((o) => o.type === 'identity' && o.name === 'Russia');
  assert.equal(russia.length, 1);
  assert.equal(count('note'), SAMPLE_DOC.record.events.length + SECOND_DOC.record.events.length);
  assert.equal(count('location'), 2);
});

test('relationships run source -> target per dyad, with the window and the status', () => {
  const objects = exportBundle([SAMPLE_DOC]).objects as Obj[];
  const byId = new Map(objects.map((o) => [o.id, o]));
  const rels = objects.filter((o) => o.type === 'relationship');
  // e1..e5 each have one source and one target; e6 has no target
  assert.equal(rels.length, 5);
  const mobilize = rels.find((r) => r.relationship_type === 'mobilize' && r.x_watchfloor_status === 'forecast')!;
  assert.equal((byId.get(mobilize.source_ref as string) as Obj).x_watchfloor_code, 'PRK');
  assert.equal((byId.get(mobilize.target_ref as string) as Obj).name, 'Ukraine');
  assert.equal(mobilize.start_time, '2024-07-01T00:00:00.000Z');
  assert.equal(mobilize.stop_time, '2024-09-01T00:00:00.000Z');
  assert.equal(mobilize.confidence, 80);
  const note = objects.find((o) => o.type === 'note' && (o.object_refs as string[]).includes(mobilize.id))!;
  assert.match(String(note.content), /forecast/);
  assert.match(String(note.content), /according to KOR-SPY \("warned"\)/);
  assert.equal(note.x_watchfloor_likelihood, 0.4);
  assert.equal((byId.get(note.x_watchfloor_attributed_to_ref as string) as Obj).name, 'NIS');
});

test('ids are deterministic: the same archive gives the same bundle, byte for byte', () => {
  const a = JSON.stringify(exportBundle([SAMPLE_DOC, SECOND_DOC]));
  const b = JSON.stringify(exportBundle([SAMPLE_DOC, SECOND_DOC]));
  assert.equal(a, b);
  const ids = (exportBundle([SAMPLE_DOC]).objects as Obj[]).map((o) => o.id);
  assert.ok(ids.every((id) => /--[0-9a-f]{8}-[0-9a-f]{4}-5/.test(id)), 'every id is a version 5 UUID');
  assert.notEqual(exportBundle([SAMPLE_DOC]).id, exportBundle([SECOND_DOC]).id);
});
