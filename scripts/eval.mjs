// `npm run eval`: scores the built extractor on every shared dev set with the shared scorer and prints the figures.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const shared = process.env.WATCHFLOOR_SHARED ?? path.resolve('..', 'shared');
const scorer = path.join(shared, 'eval', 'score.mjs');
if (!fs.existsSync(scorer)) {
  console.error(`eval: the shared gold sets are not at ${shared} (set WATCHFLOOR_SHARED)`);
  process.exit(2);
}
const distArg = process.argv.indexOf('--dist');
const dist = distArg > 0 ? process.argv[distArg + 1] : 'dist';
const cmd = `node ${path.resolve(dist, 'cli/main.js')} extract --jsonl`;
// the project's own annotated demo corpus is a second, independent article set: a rule that helps only one of
// the two sets is tuned to it, not general
const demo = path.resolve('demo', 'corpus');
const sets = [path.join(shared, 'eval', 'articles', 'dev'), path.join(shared, 'eval', 'plover-gsr', 'dev.jsonl'), demo].filter((s) => fs.existsSync(s));
const show = process.argv.includes('--show') ? ['--show', process.argv[process.argv.indexOf('--show') + 1] ?? '40'] : [];
let failed = false;
for (const set of sets) {
  console.log(`\n## ${set === demo ? 'demo/corpus (the project\'s own annotated articles: the generalisation check)' : path.relative(shared, set)}`);
  const r = spawnSync(process.execPath, [scorer, '--set', set, '--cmd', cmd, ...show], { encoding: 'utf8', maxBuffer: 1 << 28 });
  process.stdout.write(r.stdout);
  if (r.status !== 0) { failed = true; process.stderr.write(r.stderr); }
}
for (const storyDir of [path.join(shared, 'eval', 'articles', 'dev'), demo]) {
  if (!fs.existsSync(path.join(storyDir, 'storylines.json'))) continue;
  console.log(`\n## ${storyDir === demo ? 'demo/corpus' : path.relative(shared, storyDir)}/storylines.json (forecast tracking)`);
  const r = spawnSync(process.execPath, [path.resolve('scripts/eval-storylines.mjs'), '--dist', dist, '--set', storyDir, ...(show.length ? ['--show'] : [])], { encoding: 'utf8' });
  process.stdout.write(r.stdout);
  if (r.status !== 0) { failed = true; process.stderr.write(r.stderr); }
}
process.exit(failed ? 1 : 0);
