#!/usr/bin/env node
// The watchfloor command line: one sub-command per file, registered here.
import { Command } from 'commander';
import { registerExtract } from './extract.js';
import { registerStoreCommands } from './store-commands.js';
import { registerIngestCommands } from './ingest-commands.js';

const program = new Command();
program.name('watchfloor').description('Indications-and-warning workbench: read news, code events and forecasts, track them.').version('0.1.0');
registerExtract(program);
registerIngestCommands(program);
registerStoreCommands(program);
program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`watchfloor: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
