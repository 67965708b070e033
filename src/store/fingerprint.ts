// What "near-duplicate" means to the archive: MinHash signatures that agree in enough positions. dedup.ts computes them.

/** Estimated shingle Jaccard at or above which two texts are the same story (a syndicated copy, a new headline, small edits).
 *  Unrelated articles on the same topic share few three-word shingles (Jaccard well under 0.2). */
export const NEAR_DUPLICATE_JACCARD = 0.6;

/** The fraction of signature positions that agree: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** A signature as bytes (little-endian uint32s) for a BLOB / bytea column. */
export function encodeSignature(signature: readonly number[]): Buffer {
  const buf = Buffer.alloc(signature.length * 4);
  signature.forEach((v, i) => buf.writeUInt32LE(v >>> 0, i * 4));
  return buf;
}

export function decodeSignature(buf: Uint8Array): number[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= buf.byteLength; i += 4) out.push(view.getUint32(i, true));
  return out;
}
