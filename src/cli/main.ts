#!/usr/bin/env node
// The watchfloor command line: one sub-command per file, registered here.
import { Command } from 'commander';
import { registerExtract } from './extract.js';
import { EXIT, EXIT_CODES_HELP, exitCodeFor } from './errors.js';

// a closed pipe (`watchfloor extract ... | head`) is the reader saying it has enough, not a failure
process.stdout.on('error', (err: NodeJS.ErrnoException) => process.exit(err.code === 'EPIPE' ? EXIT.ok : EXIT.failed));
// a bug that escapes every command's own handling still ends in one line, not a stack trace (WATCHFLOOR_DEBUG shows it)
process.on('uncaughtException', (err) => process.exit(exitCodeFor(err)));

const program = new Command();
program.name('watchfloor').description('Indications-and-warning workbench: read news, code events and forecasts, track them.').version('0.1.0');
// commander exits on its own for usage errors; throwing instead lets every command share one set of exit codes (inherited by sub-commands)
program.exitOverride().addHelpText('after', EXIT_CODES_HELP);

try {
  registerExtract(program);
  // `extract` is the hot path (pipelines, the scorer): when it is the command asked for, the other commands and their
  // dependencies (SQLite, Postgres, HTML parsing) are not loaded, so the first record comes out fast
  if (process.argv[2] !== 'extract') {
    const [ingest, store, track, serve] = await Promise.all([
      import('./ingest-commands.js'), import('./store-commands.js'), import('./track-commands.js'), import('./serve-commands.js'),
    ]);
    ingest.registerIngestCommands(program);
    store.registerStoreCommands(program);
    track.registerTrackCommands(program);
    serve.registerServeCommands(program);
  }
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = exitCodeFor(err);
}
