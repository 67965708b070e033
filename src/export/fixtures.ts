// Hand-made extraction records for the export tests: one event of each status, attributed and self-announced forecasts, compound sides.
// Spans are illustrative: exports copy them through and never read the text.
import type { ExtractionRecord } from '../core/record.js';
import type { ExportDocument } from './types.js';

export const SAMPLE_RECORD: ExtractionRecord = {
  version: 1,
  document: {
    id: 'sample-1', title: 'Seoul says the North may send troops, "thousands", to Russia', published: '2024-06-12', referenceDate: '2024-06-12',
    referenceAssumed: false, source: 'Example Wire', url: 'https://news.example/sample-1', language: 'en',
  },
  actors: [
    { id: 'a1', text: 'the NIS', mentions: [[0, 7]], kind: 'organization', code: 'KOR', sector: 'SPY', name: 'National Intelligence Service', org: 'NIS' },
    { id: 'a2', text: 'North Korean soldiers', mentions: [[20, 41]], kind: 'state', code: 'PRK', sector: 'MIL' },
    { id: 'a3', text: 'Ukraine', mentions: [[50, 57]], kind: 'state', code: 'UKR', name: 'Ukraine' },
    { id: 'a4', text: 'Russia', mentions: [[60, 66]], kind: 'state', code: 'RUS', name: 'Russia' },
    { id: 'a5', text: 'Pyongyang', mentions: [[70, 79]], kind: 'state', code: 'PRK', name: 'North Korea' },
    { id: 'a6', text: 'Hamas', mentions: [[90, 95]], kind: 'group', code: 'PSE', sector: 'REB', name: 'Hamas' },
    { id: 'a7', text: 'Israel', mentions: [[100, 106]], kind: 'state', code: 'ISR', name: 'Israel' },
    { id: 'a8', text: 'China', mentions: [[110, 115]], kind: 'state', code: 'CHN', name: 'China' },
  ],
  events: [
    {
      id: 'e1', type: 'MOBILIZE', mode: 'troops', context: ['military'], source: ['a2'], target: ['a3'], status: 'forecast',
      attribution: { actor: 'a1', cue: 'warned' }, likelihood: { cue: 'may', p: 0.4 },
      when: { text: 'as early as July or August', start: '2024-07-01', end: '2024-08-31' },
      where: { text: 'Ukraine', code: 'UKR', name: 'Ukraine', lat: 49, lon: 32 },
      magnitude: { text: 'several thousand', min: 2000, max: 9999, unit: 'troops' },
      trigger: { text: 'deploy', span: [30, 36] }, sentence: { index: 0, span: [0, 120] }, confidence: 0.8,
    },
    {
      id: 'e2', type: 'AID', mode: 'military', context: ['military'], source: ['a5'], target: ['a4'], status: 'asserted',
      when: { text: 'last month', start: '2024-05-01', end: '2024-05-31' },
      trigger: { text: 'supplied', span: [121, 129] }, sentence: { index: 1, span: [121, 200] }, confidence: 0.9,
      reports: [{ trigger: { text: 'shipments', span: [400, 409] }, sentence: { index: 5, span: [380, 450] } }],
    },
    {
      id: 'e3', type: 'MOBILIZE', context: [], source: ['a5'], target: ['a4'], status: 'negated', attribution: { actor: 'a5', cue: 'denied' },
      trigger: { text: 'sending troops', span: [210, 224] }, sentence: { index: 2, span: [201, 260] }, confidence: 0.7,
    },
    {
      id: 'e4', type: 'ASSAULT', context: [], source: ['a4'], target: ['a3'], status: 'hypothetical',
      trigger: { text: 'retaliate', span: [270, 279] }, sentence: { index: 3, span: [261, 300] }, confidence: 0.5,
    },
    {
      id: 'e5', type: 'ASSAULT', context: ['military'], source: ['a6'], target: ['a7'], status: 'forecast', attribution: { actor: 'a6', cue: 'vowed' },
      trigger: { text: 'attack', span: [310, 316] }, sentence: { index: 4, span: [301, 340] }, confidence: 0.6,
    },
    {
      id: 'e6', type: 'CONSULT', mode: 'meeting', context: [], source: ['a4', 'a8'], target: [], status: 'forecast',
      trigger: { text: 'hold talks, "soon"', span: [350, 360] }, sentence: { index: 5, span: [341, 379] }, confidence: 0.75,
    },
  ],
};

export const SAMPLE_DOC: ExportDocument = { id: 'doc-0001', addedAt: '2024-06-12T08:30:15.123Z', record: SAMPLE_RECORD };

/** A second document sharing actors with the first, to check that shared STIX objects are written once. */
export const SECOND_DOC: ExportDocument = {
  id: 'doc-0002',
  record: {
    version: 1,
    document: { id: 'sample-2', referenceDate: '2024-06-13', referenceAssumed: true, language: 'en' },
    actors: [SAMPLE_RECORD.actors[3], SAMPLE_RECORD.actors[2]],
    events: [{
      id: 'e1', type: 'ASSAULT', mode: 'aerial', context: ['military'], source: ['a4'], target: ['a3'], status: 'asserted',
      where: { text: 'Kharkiv', code: 'UKR', name: 'Kharkiv', lat: 49.99, lon: 36.23 },
      trigger: { text: 'struck', span: [10, 16] }, sentence: { index: 0, span: [0, 40] }, confidence: 0.9,
    }],
  },
};

/** A document in which nothing was found. */
export const EMPTY_DOC: ExportDocument = {
  id: 'doc-0003',
  record: { version: 1, document: { id: 'sample-3', referenceDate: '2024-06-14', referenceAssumed: true, language: 'en' }, actors: [], events: [] },
};
