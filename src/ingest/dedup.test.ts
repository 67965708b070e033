// Tests for duplicate detection: exact copies hash alike after folding; near-copies estimate as similar, unrelated texts do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BANDS, contentHash, estimatedJaccard, fingerprint, NEAR_DUPLICATE_JACCARD, normaliseContent, SIGNATURE_LENGTH } from './dedup.js';

export const ARTICLE = `South Korea's National Intelligence Service (NIS) has issued a stark warning that North Korea may deploy troops to support Russia in the ongoing conflict in Ukraine as early as July or August. This development comes amid reports of North Korea supplying Russia with arms and ammunition.
According to NIS Director Ji Jae-ryeol, who briefed lawmakers, the troop deployment is expected to involve several thousand North Korean soldiers. The exact number and timing of the deployment remain uncertain, but the NIS believes it will likely occur in the coming months.
The NIS report suggests that North Korea's troop deployment would be a significant escalation of its involvement in the conflict, marking a shift from its current role as a supplier of arms and ammunition to Russia. This move would also underscore the deepening military cooperation between North Korea and Russia.
In recent months, there have been reports of North Korea supplying Russia with artillery shells and other military equipment. The United States and South Korea have condemned these shipments, citing violations of UN Security Council resolutions.`;

/** The same story as a syndicated copy: a new headline line, a dateline, two edited words, an agency tag at the end. */
export const SYNDICATED = `Seoul spy agency: Pyongyang could send soldiers to fight for Moscow
SEOUL (Wire) - ${ARTICLE.replace('stark warning', 'grave warning').replace('briefed lawmakers', 'briefed legislators')}
Reporting by a correspondent; editing by the desk.`;

/** Another article on the same topic: shares names and phrases, not the story. */
export const SAME_TOPIC = `North Korea and Russia signed a mutual defence treaty in Pyongyang on Wednesday, pledging to come to each other's aid if either is attacked. Russian President Vladimir Putin and North Korean leader Kim Jong Un called the pact a breakthrough. South Korea's National Intelligence Service said it was studying the agreement, and the United States said the deepening military cooperation between North Korea and Russia should concern anyone interested in peace on the Korean peninsula. Officials in Seoul summoned the Russian ambassador to protest against the treaty.`;

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
