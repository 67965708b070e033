// What `serve` and `demo` share: warning problems from a folder, the bundled paths, and loading the demo corpus.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ingester, type IngestSummary, type Outcome } from '../ingest/ingest.js';
import { readSourceFile } from '../ingest/readers/sources.js';
import type { Model } from '../nlp/model/types.js';
import type { Storage } from '../store/types.js';
import { parseProblem, type WarningProblem } from '../track/problems.js';

/** The project root: the compiled server (dist/server) is two levels below it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built dashboard beside the compiled server (dist/web, written by scripts/build-web.mjs). */
export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));
export const DEFAULT_PROBLEMS_DIR = path.join(PROJECT_ROOT, 'examples', 'problems');
export const DEMO_CORPUS_DIR = path.join(PROJECT_ROOT, 'demo', 'corpus');

/** Every *.yaml / *.yml problem in a folder, in name order; a bad file stops with its name and the field at fault. */
export function loadProblems(dir: string): WarningProblem[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort();
  } catch (err) {
    throw new Error(`cannot read the problems folder ${dir}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (err as Error).message}`);
  }
  return names.map((f) => parseProblem(fs.readFileSync(path.join(dir, f), 'utf8'), f));
}

/** The problems of --problems DIR, else the project's examples when present, else none. */
export function problemsFor(dir: string | undefined): { problems: WarningProblem[]; from?: string } {
  if (dir) return { problems: loadProblems(dir), from: dir };
  return fs.existsSync(DEFAULT_PROBLEMS_DIR) ? { problems: loadProblems(DEFAULT_PROBLEMS_DIR), from: DEFAULT_PROBLEMS_DIR } : { problems: [] };
}

/** Ingests the demo corpus's articles; a rerun finds them already stored (by content hash) and stores nothing twice. */
export async function loadDemoCorpus(storage: Storage, model: Model, dir = DEMO_CORPUS_DIR, onOutcome?: (o: Outcome) => void): Promise<IngestSummary> {
  const files = fs.readdirSync(dir).filter((f) => /^\d+.*\.json$/.test(f)).sort();
  if (!files.length) throw new Error(`no demo articles (NNN-*.json) in ${dir}`);
  const ingester = new Ingester({ storage, model, batchSize: 12, onOutcome });
  for (const f of files) for await (const item of readSourceFile(path.join(dir, f))) await ingester.add(item);
  await ingester.flush();
  return ingester.summary;
}
