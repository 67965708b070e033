// What the benchmarks share: the project root, command-line values, and importing the built modules with a clear error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The value after a flag (`--seconds 10`), else the fallback. */
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};

/** Imports a module of the build in `dist`; exits 2 with a message when the build is missing. */
export const importBuilt = (dist, rel) => {
  const file = path.join(dist, rel);
  if (!fs.existsSync(file)) {
    console.error(`bench: ${file} is missing; build first (npm run build, or pass --dist DIR)`);
    process.exit(2);
  }
  return import(pathToFileURL(file).href);
};

/** A small deterministic PRNG (mulberry32), so every run builds the same archive. */
export function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
