// The GDELT 2.0 event-table export: 61 columns, CAMEO codes, dyads, stable ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GDELT_COLUMNS, fractionDate, gdeltExporter, globalEventId } from './gdelt.js';
import { SAMPLE_DOC, SECOND_DOC } from './fixtures.js';

const rowsOf = (...docs: (typeof SAMPLE_DOC)[]) => {
  const x = gdeltExporter();
  const text = x.begin() + docs.map((d) => x.document(d)).join('') + x.end();
  return text.trimEnd().split('\n').map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(GDELT_COLUMNS.map((c, i) => [c, cells[i]])) as Record<string, string>;
  });
};

test('the GDELT 2.0 event table has 61 columns', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.equal(new Set(GDELT_COLUMNS).size, 61);
  assert.equal(GDELT_COLUMNS[0], 'GLOBALEVENTID');
  assert.equal(GDELT_COLUMNS[26], 'EventCode');
  assert.equal(GDELT_COLUMNS[60], 'SOURCEURL');
});

test('every row has 61 tab-separated cells', () => {
  const x = gdeltExporter();
  for (const line of x.document(SAMPLE_DOC).trimEnd().split('\n')) assert.equal(line.split('\t').length, 61);
});

test('events PLOVER would not code are left out; a compound side gives one row per dyad', () => {
  const rows = rowsOf(SAMPLE_DOC);
  // e1 MOBILIZE, e2 AID, e5 THREATEN, e6 AGREE with two sources and no target; e3 negated and e4 hypothetical dropped
  assert.deepEqual(rows.map((r) => r.EventCode), ['154', '072', '138', '036', '036']);
  const [mobilize, aid, threaten, agreeRus, agreeChn] = rows;
  assert.deepEqual([mobilize.Actor1Code, mobilize.Actor1CountryCode, mobilize.Actor1Type1Code, mobilize.Actor2Code], ['PRKMIL', 'PRK', 'MIL', 'UKR']);
  assert.deepEqual([mobilize.EventBaseCode, mobilize.EventRootCode, mobilize.QuadClass], ['154', '15', '4']);
  assert.deepEqual([aid.SQLDATE, aid.MonthYear, aid.Year, aid.NumMentions], ['20240501', '202405', '2024', '2']);
  assert.equal(aid.Actor1Name, 'NORTH KOREA');
  assert.equal(threaten.QuadClass, '3');
  assert.deepEqual([agreeRus.Actor1Code, agreeChn.Actor1Code, agreeRus.Actor2Code], ['RUS', 'CHN', '']);
  assert.notEqual(agreeRus.GLOBALEVENTID, agreeChn.GLOBALEVENTID);
  assert.equal(mobilize.IsRootEvent, '1');
  assert.equal(aid.IsRootEvent, '0');
  assert.equal(mobilize.DATEADDED, '20240612083015');
  assert.equal(mobilize.SOURCEURL, 'https://news.example/sample-1');
});

test('the action place: a whole country is geo type 1, a place inside it 4', () => {
  const [mobilize] = rowsOf(SAMPLE_DOC);
  assert.deepEqual([mobilize.ActionGeo_Type, mobilize.ActionGeo_FullName, mobilize.ActionGeo_CountryCode, mobilize.ActionGeo_Lat], ['1', 'Ukraine', 'UKR', '49']);
  const [strike] = rowsOf(SECOND_DOC);
  assert.deepEqual([strike.ActionGeo_Type, strike.ActionGeo_FullName, strike.ActionGeo_Long], ['4', 'Kharkiv', '36.23']);
  assert.equal(strike.EventCode, '195');
  assert.equal(strike.DATEADDED, '20240613000000', 'without an archive time, the document date');
  assert.equal(strike.Actor1Geo_Type, '');
});

test('ids are stable across exports and distinct across events', () => {
  assert.equal(globalEventId('d', 'e1', 0), globalEventId('d', 'e1', 0));
  assert.notEqual(globalEventId('d', 'e1', 0), globalEventId('d', 'e2', 0));
  assert.ok(Number.isSafeInteger(globalEventId('d', 'e1', 0)));
  assert.deepEqual(rowsOf(SAMPLE_DOC).map((r) => r.GLOBALEVENTID), rowsOf(SAMPLE_DOC).map((r) => r.GLOBALEVENTID));
});

test('FractionDate follows GDELT: year + (month * 30 + day) / 365', () => {
  assert.equal(fractionDate('2024-06-12'), (2024 + (6 * 30 + 12) / 365).toFixed(4));
  assert.equal(fractionDate('2024-01-01'), '2024.0849');
});
