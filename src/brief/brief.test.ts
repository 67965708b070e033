// Tests for the brief: prose statements, each citing its source sentence; inert HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { briefHtml, briefMarkdown, forecastSentence, type BriefInput } from './brief.js';
import type { TrackedForecast } from '../track/forecasts.js';

const warning: TrackedForecast = {
  id: 'F-1', issuer: 'KOR', type: 'AID', sourceCodes: ['PRK'], targetCodes: ['RUS'], issued: '2024-06-20', state: 'confirmed',
  window: { start: '2024-07-01', end: '2024-08-31', text: 'as early as July or August', soft: true },
  likelihood: { p: 0.4, cue: 'may' }, magnitude: { min: 2000, max: 9999, unit: 'troops' },
  sources: [{ eventId: 'e1', docId: 'seed', docDate: '2024-06-20', status: 'forecast', text: 'North Korea may deploy troops <script>x</script>', span: [0, 40] }],
  proposal: { state: 'confirmed', reason: '1 later report', evidence: [{ eventId: 'e9', docId: 'later', docDate: '2024-10-23', status: 'asserted', text: 'North Korea has sent about 3,000 soldiers to Russia.', span: [0, 52] }] },
};
const input: BriefInput = {
  since: '2024-10-17', asOf: '2024-10-24', forecasts: [warning], problems: [], dyads: [],
  developments: [{ type: 'AID', status: 'asserted', sourceCodes: ['PRK'], targetCodes: ['RUS'], mentions: 3, firstReport: '2024-10-18', lastReport: '2024-10-23', evidence: warning.proposal!.evidence }],
};

test('the markdown brief states developments and resolutions in prose and cites each source sentence', () => {
  const md = briefMarkdown(input);
  assert.match(md, /North Korea gave aid to Russia, according to 3 reports between 2024-10-18 and 2024-10-23\.\[\^1\]/);
  assert.match(md, /South Korea expects North Korea to send aid to Russia, on a scale of 2000-9999 troops between 2024-07-01 and 2024-08-31 \("as early as July or August"\) \("may", about 40%\)\. Now confirmed: 1 later report\.\[\^2\]\[\^1\]/);
  assert.match(md, /\[\^1\]: 2024-10-23, \[later\]\(\/#\/article\/later\?span=0-52\): "North Korea has sent about 3,000 soldiers to Russia\."/);
  assert.match(md, /## New forecasts\n\nNo new forecasts were made in the period\./);
});

test('acts without a target read as whole sentences', () => {
  const md = briefMarkdown({ ...input, forecasts: [], developments: [{ ...input.developments[0], type: 'CONSULT', sourceCodes: ['RUS', 'PRK'], targetCodes: [], mentions: 1 }] });
  assert.match(md, /- Russia and North Korea held talks, reported on 2024-10-18\./);
});

test('the HTML brief escapes text from articles', () => {
  const html = briefHtml(input);
  assert.ok(!html.includes('<script>x'));
  assert.match(html, /&lt;script&gt;x&lt;\/script&gt;/);
});

test('a joint act and an international body read as such', () => {
  const joint: TrackedForecast = { ...warning, issuer: 'IGO:NATO', type: 'COOPERATE', sourceCodes: ['RUS'], targetCodes: ['BLR'], mutual: true, likelihood: undefined, magnitude: undefined, window: undefined };
  assert.equal(forecastSentence(joint), 'NATO expects Russia and Belarus to cooperate together (no likelihood stated).');
});
