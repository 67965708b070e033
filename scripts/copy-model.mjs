// Copies the model's data tables (everything in src/nlp/model that is not TypeScript) into dist/.
import fs from 'node:fs';
import path from 'node:path';
const from = 'src/nlp/model', to = 'dist/nlp/model';
fs.mkdirSync(to, { recursive: true });
for (const f of fs.readdirSync(from)) if (!f.endsWith('.ts')) fs.copyFileSync(path.join(from, f), path.join(to, f));
fs.chmodSync('dist/cli/main.js', 0o755);
