// The PLOVER -> CAMEO lookup behind the GDELT export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLOVER_TYPES, MODES, type PloverType } from '../core/plover.js';
import { CAMEO_TABLE, buildCameoTable, cameoFor, quadClass } from './cameo.js';

test('every PLOVER type has a CAMEO code of its own', () => {
  for (const type of PLOVER_TYPES) assert.match(cameoFor({ type }).code, /^\d{3,4}$/, type);
});

test('the type alone gives the general code', () => {
  assert.equal(cameoFor({ type: 'ASSAULT' }).code, '180');
  assert.equal(cameoFor({ type: 'CONSULT' }).code, '040');
  assert.equal(cameoFor({ type: 'ACCUSE' }).code, '110');
});

test('the mode wins over the context, the context over the type', () => {
  assert.equal(cameoFor({ type: 'ASSAULT', mode: 'aerial', context: ['military'] }).code, '195');
  assert.equal(cameoFor({ type: 'ASSAULT', context: ['military'] }).code, '190');
  assert.equal(cameoFor({ type: 'AID', mode: 'humanitarian' }).code, '073');
  assert.equal(cameoFor({ type: 'MOBILIZE', mode: 'troops' }).code, '154');
});

test('a folded forecast takes the CAMEO intent or threat code of what it forecasts', () => {
  assert.equal(cameoFor({ type: 'AGREE', foldedFrom: 'AID', mode: 'military' }).code, '033');
  assert.equal(cameoFor({ type: 'AGREE', foldedFrom: 'CONSULT' }).code, '036');
  assert.equal(cameoFor({ type: 'THREATEN', foldedFrom: 'ASSAULT' }).code, '138');
  // an unfolded event ignores foldedFrom equal to its own type
  assert.equal(cameoFor({ type: 'AID', foldedFrom: 'AID' }).code, '070');
});

test('every project mode names a code under its type, or falls back to the general code', () => {
  const typesWithModes = Object.entries(MODES) as [PloverType, readonly string[]][];
  for (const [type, modes] of typesWithModes) {
    for (const mode of modes) {
      const code = cameoFor({ type, mode }).code;
      const own = CAMEO_TABLE.get(`${type}\t${mode}`);
      assert.equal(code, own ? own.code : cameoFor({ type }).code, `${type}/${mode}`);
    }
  }
});

test('codes split into base and root; root gives GDELT QuadClass', () => {
  const c = cameoFor({ type: 'AGREE', context: ['economic'] });
  assert.deepEqual([c.code, c.base, c.root], ['0311', '031', '03']);
  assert.deepEqual(['01', '04', '05', '08', '09', '13', '14', '20'].map(quadClass), [1, 1, 2, 2, 3, 3, 4, 4]);
});

test('a table without the type is an error, not a silent blank', () => {
  assert.throws(() => cameoFor({ type: 'AID' }, buildCameoTable([['ASSAULT', '', '190', 'x']])), /no row for AID/);
});
