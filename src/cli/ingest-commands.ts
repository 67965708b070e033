// Ingest, worker and export commands.
import type { Command } from 'commander';

export function registerIngestCommands(_program: Command): void {}
