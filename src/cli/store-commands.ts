// Archive query commands (events, actors, search, show, reprocess).
import type { Command } from 'commander';

export function registerStoreCommands(_program: Command): void {}
