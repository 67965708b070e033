// The CSV export: one row per event, every row as wide as the header, RFC 4180 quoting that a parser reads back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CSV_COLUMNS, csvExporter, csvField } from './csv.js';
import { EMPTY_DOC, SAMPLE_DOC } from './fixtures.js';

/** A minimal RFC 4180 reader for the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

const exportCsv = (...docs: (typeof SAMPLE_DOC)[]) => {
  const x = csvExporter();
  return x.begin() + docs.map((d) => x.document(d)).join('') + x.end();
};

test('fields with commas, quotes or line breaks are quoted', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "no"'), '"say ""no"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(undefined), '');
  assert.equal(csvField(0.4), '0.4');
});

test('a header and one row per event, all of the same width, that read back', () => {
  const rows = parseCsv(exportCsv(SAMPLE_DOC, EMPTY_DOC));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length, 1 + SAMPLE_DOC.record.events.length);
  for (const r of rows) assert.equal(r.length, CSV_COLUMNS.length);
  const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
  const e1 = rows[1];
  assert.equal(e1[col('doc_id')], 'doc-0001');
  assert.equal(e1[col('doc_title')], SAMPLE_DOC.record.document.title);
  assert.equal(e1[col('status')], 'forecast');
  assert.equal(e1[col('source_codes')], 'PRK-MIL');
  assert.equal(e1[col('target_codes')], 'UKR');
  assert.equal(e1[col('attribution_code')], 'KOR-SPY');
  assert.equal(e1[col('attribution_cue')], 'warned');
  assert.equal(e1[col('likelihood_p')], '0.4');
  assert.deepEqual([e1[col('window_start')], e1[col('window_end')]], ['2024-07-01', '2024-08-31']);
  assert.deepEqual([e1[col('magnitude_min')], e1[col('magnitude_max')], e1[col('magnitude_unit')]], ['2000', '9999', 'troops']);
  assert.deepEqual([e1[col('sentence_start')], e1[col('sentence_end')]], ['0', '120']);
  const e6 = rows[6];
  assert.equal(e6[col('source_codes')], 'RUS;CHN', 'a compound side lists every actor');
  assert.equal(e6[col('trigger')], 'hold talks, "soon"');
});
