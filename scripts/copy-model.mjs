// Copies the model's data tables (everything in src/nlp/model that is not TypeScript) into the build folder (default dist/).
import fs from 'node:fs';
import path from 'node:path';
const out = process.argv[2] ?? 'dist';
const from = 'src/nlp/model', to = path.join(out, 'nlp/model');
fs.mkdirSync(to, { recursive: true });
for (const f of fs.readdirSync(from)) if (!f.endsWith('.ts')) fs.copyFileSync(path.join(from, f), path.join(to, f));
fs.chmodSync(path.join(out, 'cli/main.js'), 0o755);
