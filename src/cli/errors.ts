// Exit codes and error reporting shared by every watchfloor command: a message naming the problem, never a stack trace.
import { CommanderError } from 'commander';

/** The process exit codes; documented in docs/cli.md and in `watchfloor --help`. */
export const EXIT = {
  ok: 0,
  /** some documents could not be extracted (each one is reported), or the command failed */
  failed: 1,
  /** bad flags or arguments, a missing or unreadable file, an unusable dictionary */
  usage: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  some documents could not be extracted (each is reported), or the command failed
  2  usage error: bad flag or value, missing or unreadable file, unusable dictionary`;

/** A problem with how the command was called or with a file it was given; exits with EXIT.usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The worse of two outcomes, so a run that met several problems reports the most serious. */
export function worse(a: ExitCode, b: ExitCode): ExitCode {
  return a > b ? a : b;
}

/** One line for the user; the stack only when WATCHFLOOR_DEBUG is set (for developers chasing a bug). */
export function describeError(err: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const message = err instanceof Error ? err.message : String(err);
  return env.WATCHFLOOR_DEBUG && err instanceof Error && err.stack ? err.stack : message;
}

/** A Node file-system error as a sentence naming the file ("no such file", "is a directory", ...). */
export function fileProblem(file: string, err: unknown): UsageError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : describeError(err);
  return new UsageError(`cannot read ${file}: ${why}`);
}

/** Maps whatever a command threw to its exit code, printing one line to stderr (commander has already printed its own). */
export function exitCodeFor(err: unknown, stderr: NodeJS.WritableStream = process.stderr): ExitCode {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  stderr.write(`watchfloor: ${describeError(err)}\n`);
  return err instanceof UsageError ? EXIT.usage : EXIT.failed;
}
