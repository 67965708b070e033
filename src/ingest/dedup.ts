// Duplicate detection, pure: a hash of normalised text for exact copies, MinHash + LSH over word shingles for near-copies.
import { createHash } from 'node:crypto';
import type { Fingerprint } from '../store/types.js';

export { NEAR_DUPLICATE_JACCARD, estimatedJaccard } from '../store/fingerprint.js';

/** Words per shingle: three words keep word order without making every small edit change most shingles. */
export const SHINGLE_WORDS = 3;
/** LSH layout: BANDS x ROWS = signature length. 20 bands of 5 rows make a pair a candidate with probability
 *  1-(1-J^5)^20: 0.97 at Jaccard 0.7, 0.47 at 0.5, 0.03 at 0.3. */
export const BANDS = 20;
export const ROWS = 5;
export const SIGNATURE_LENGTH = BANDS * ROWS;

/** Folds case, Unicode compatibility forms, punctuation, symbols and whitespace, so trivial differences do not count. */
export function normaliseContent(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** Hex SHA-256 of the normalised text. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normaliseContent(text)).digest('hex');
}

/** The fingerprint the store keeps for a document's text. */
export function fingerprint(text: string): Fingerprint {
  const normalised = normaliseContent(text);
  const minhash = minhashSignature(normalised);
  return { contentHash: createHash('sha256').update(normalised).digest('hex'), minhash, bands: lshBands(minhash) };
}

/** MinHash signature of the word shingles of already normalised text. */
export function minhashSignature(normalised: string): number[] {
  const signature = new Array<number>(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingleHashes(normalised)) {
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const h = permute(shingle, SEEDS[i]);
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
}

/** One key per band: a hash of the band's rows and its index, so equal rows in different bands do not collide. */
export function lshBands(signature: readonly number[]): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix32(b + 1);
    for (let r = 0; r < ROWS; r++) h = mix32(h ^ signature[b * ROWS + r]);
    keys.push(h);
  }
  return keys;
}

/** Distinct 32-bit hashes of the word shingles; a text shorter than one shingle is one shingle. */
function shingleHashes(normalised: string): Set<number> {
  const words = normalised ? normalised.split(' ') : [];
  const hashes = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    hashes.add(fnv1a(words.join(' ')));
    return hashes;
  }
  const wordHashes = words.map(fnv1a);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = 0x9e3779b9;
    for (let j = 0; j < SHINGLE_WORDS; j++) h = mix32(h ^ wordHashes[i + j]);
    hashes.add(h);
  }
  return hashes;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A bijective 32-bit finaliser (from MurmurHash3 / lowbias32): spreads every input bit over the output. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The i-th hash function of the MinHash family: the shingle hash xor a fixed seed, mixed. */
function permute(x: number, seed: number): number {
  return mix32(x ^ seed);
}

/** Fixed seeds (a deterministic sequence), so fingerprints stay comparable across runs and machines. */
const SEEDS: readonly number[] = Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix32(Math.imul(i + 1, 0x9e3779b9)));
