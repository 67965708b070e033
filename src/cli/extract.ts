// `watchfloor extract`: text or JSON lines in, extraction records out.
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { extract, InputError } from '../nlp/pipeline.js';
import { loadModel } from '../nlp/model/load.js';
import type { Model } from '../nlp/model/types.js';

interface ExtractFlags { published?: string; json?: boolean; jsonl?: boolean; dictionary?: string }

export function registerExtract(program: Command): void {
  program
    .command('extract [files...]')
    .description('extract actors, events, status and forecasts from articles (stdin when no file)')
    .option('--published <date>', 'publication date YYYY-MM-DD (the reference for relative dates)')
    .option('--json', 'print one JSON record per document')
    .option('--jsonl', 'read JSON lines {id, text, title?, published?} and write one record per line')
    .option('--dictionary <file>', 'extra actors and aliases (YAML or JSON)')
    .action(async (files: string[], flags: ExtractFlags) => {
      const model = loadModel();
      if (flags.jsonl) await extractJsonl(files, model);
      else await extractPlain(files, flags, model);
    });
}

async function extractJsonl(files: string[], model: Model): Promise<void> {
  const inputs = files.length ? files.map((f) => fs.createReadStream(f)) : [process.stdin];
  for (const input of inputs) {
    const rl = readline.createInterface({ input, crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of rl) {
      lineNo++;
      if (!line.trim()) continue;
      let doc: any;
      try { doc = JSON.parse(line); } catch { writeLine({ error: { line: lineNo, message: 'not valid JSON' } }); continue; }
      try {
        writeLine(extract(doc, model));
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        writeLine({ error: { id: doc?.id, line: lineNo, code: err.code, message: err.message } });
      }
    }
  }
}

async function extractPlain(files: string[], flags: ExtractFlags, model: Model): Promise<void> {
  const texts = files.length ? files.map((f) => ({ id: f, text: fs.readFileSync(f, 'utf8') })) : [{ id: undefined, text: fs.readFileSync(0, 'utf8') }];
  for (const t of texts) {
    const rec = extract({ id: t.id, text: t.text, published: flags.published }, model);
    writeLine(flags.json ? rec : rec);
  }
}

function writeLine(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}
