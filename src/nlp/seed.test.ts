// Acceptance test on the seed article: the warning becomes a trackable forecast, with the asserted supply and the condemnation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extract } from './pipeline.js';
import { loadModel } from './model/load.js';
import type { ExtractionRecord, RecordEvent } from '../core/record.js';

const SEED = path.resolve(process.env.WATCHFLOOR_SHARED ?? '../shared', 'seed', '000_360a8df881062be0.txt');
const available = fs.existsSync(SEED);
if (!available && process.env.CI === 'true') throw new Error(`seed article missing at ${SEED}`);

test('seed article', { skip: available ? false : `the seed article is not at ${SEED} (set WATCHFLOOR_SHARED)` }, () => {
  const rec: ExtractionRecord = extract({ id: 'seed', text: fs.readFileSync(SEED, 'utf8'), published: '2024-06-20' }, loadModel());
  const code = (id: string) => rec.actors.find((a) => a.id === id)?.code;
  const codes = (ids: string[]) => ids.map(code).sort();
  const find = (pred: (e: RecordEvent) => boolean, what: string) => {
    const e = rec.events.find(pred);
    assert.ok(e, `${what} not found among ${rec.events.map((x) => `${x.type} ${codes(x.source)}->${codes(x.target)} ${x.status}`).join('; ')}`);
    return e;
  };

  const deployment = find((e) => ['AID', 'MOBILIZE'].includes(e.type) && e.status === 'forecast' && codes(e.source).includes('PRK') && codes(e.target).includes('RUS'), 'the forecast troop deployment PRK->RUS');
  assert.equal(code(deployment.attribution?.actor ?? ''), 'KOR', 'attributed to South Korea (the NIS)');
  assert.equal(deployment.when?.start, '2024-07-01');
  assert.equal(deployment.when?.end, '2024-08-31');
  assert.ok(deployment.likelihood && deployment.likelihood.p >= 0.2 && deployment.likelihood.p <= 0.6, `likelihood ${JSON.stringify(deployment.likelihood)}`);
  assert.ok(deployment.magnitude && deployment.magnitude.min === 2000 && deployment.magnitude.max === 9999, `magnitude ${JSON.stringify(deployment.magnitude)}`);
  assert.match(deployment.magnitude.unit ?? '', /troop|soldier/);

  find((e) => e.type === 'AID' && e.status === 'asserted' && codes(e.source).includes('PRK') && codes(e.target).includes('RUS'), 'the asserted arms supply PRK->RUS');
  const condemnation = find((e) => e.type === 'ACCUSE' && e.status === 'asserted' && codes(e.target).includes('PRK'), 'the condemnation of PRK');
  assert.deepEqual(codes(condemnation.source), ['KOR', 'USA']);

});
