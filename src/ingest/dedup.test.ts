// Tests for duplicate detection: exact copies hash alike after folding; near-copies estimate as similar, unrelated texts do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE, SAME_TOPIC, SYNDICATED } from '../store/fixtures.js';
import { BANDS, contentHash, estimatedJaccard, fingerprint, NEAR_DUPLICATE_JACCARD, normaliseContent, SIGNATURE_LENGTH } from './dedup.js';

test('normalisation folds case, punctuation, symbols and whitespace', () => {
  assert.equal(normaliseContent('  North  Korea’s\tTROOPS — “may” deploy!\n'), 'north korea s troops may deploy');
});

test('an exact copy differing only in case, spacing and punctuation has the same content hash', () => {
  const copy = ARTICLE.toUpperCase().replace(/\. /g, ' . ').replace(/'/g, '’').replace(/\n/g, '\n\n  ');
  assert.equal(contentHash(copy), contentHash(ARTICLE));
  assert.notEqual(contentHash(ARTICLE.replace('July', 'June')), contentHash(ARTICLE));
});

test('a fingerprint has a full signature and one key per band, and is deterministic', () => {
  const fp = fingerprint(ARTICLE);
  assert.equal(fp.minhash.length, SIGNATURE_LENGTH);
  assert.equal(fp.bands.length, BANDS);
  assert.ok(fp.minhash.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff));
  assert.deepEqual(fingerprint(ARTICLE), fp);
  assert.equal(fp.contentHash, contentHash(ARTICLE));
});

test('a syndicated copy with a new headline and small edits is a near-duplicate and shares LSH bands', () => {
  const a = fingerprint(ARTICLE), b = fingerprint(SYNDICATED);
  assert.notEqual(a.contentHash, b.contentHash);
  const j = estimatedJaccard(a.minhash, b.minhash);
  assert.ok(j >= NEAR_DUPLICATE_JACCARD, `estimated Jaccard ${j}`);
  assert.ok(a.bands.some((k) => b.bands.includes(k)), 'no shared band: the store would never compare them');
});

test('an article on the same topic is not a near-duplicate', () => {
  const j = estimatedJaccard(fingerprint(ARTICLE).minhash, fingerprint(SAME_TOPIC).minhash);
  assert.ok(j < 0.2, `estimated Jaccard ${j}`);
});

test('very short and empty texts still get a usable fingerprint', () => {
  assert.equal(fingerprint('Hi').minhash.length, SIGNATURE_LENGTH);
  assert.equal(fingerprint('').bands.length, BANDS);
  assert.notDeepEqual(fingerprint('Troops moved').minhash, fingerprint('Talks began').minhash);
});
