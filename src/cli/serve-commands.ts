// `watchfloor serve`, `watchfloor token create|list|revoke` and `watchfloor demo`: the API and dashboard, its access tokens, and the one-command demo.
import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { toIsoDate } from '../core/ids.js';
import { loadModel } from '../nlp/model/load.js';
import { createApp } from '../server/app.js';
import { listen, type Listening } from '../server/listen.js';
import { loadDemoCorpus, problemsFor, WEB_ROOT } from '../server/setup.js';
import { Tracker, type ServerStore } from '../server/tracker.js';
import type { Role } from '../store/tracking-types.js';
import { StoreError, type Storage } from '../store/types.js';
import { openStore, resolveDbUrl } from '../store/index.js';
import type { WarningProblem } from '../track/problems.js';
import { UsageError } from './errors.js';

export const DEMO_DB = './watchfloor-demo.db';
const DEMO_TOKEN_NAME = 'demo-analyst';
const ROLES: Role[] = ['reader', 'analyst', 'admin'];

interface ServeFlags {
  db?: string; port: number; host: string; public?: boolean; problems?: string; asOf?: string; maxBody: number; fetchInternal?: boolean;
  /** when the port was not asked for and is taken, take any free one instead of failing (the demo should just start) */
  anyPortIfTaken?: boolean;
}

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('--port must be a whole number from 0 to 65535 (0 picks a free one)');
  return n;
};
const bytes = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1024) throw new InvalidArgumentError('--max-body must be a whole number of bytes, at least 1024');
  return n;
};
const day = (value: string): string => {
  if (!toIsoDate(value)) throw new InvalidArgumentError('--as-of must be a real day written YYYY-MM-DD');
  return value;
};
const role = (value: string): Role => {
  if (!(ROLES as string[]).includes(value)) throw new InvalidArgumentError(`--role must be one of ${ROLES.join(', ')}`);
  return value as Role;
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** A database URL fit to print: a password in it is masked. */
const printable = (url: string) => url.replace(/\/\/[^@/]*@/, '//***@');

/** How the commands reach the archive and the terminal; tests pass their own. */
export interface ServeIo {
  open: (url: string) => Promise<Storage>;
  out: (s: string) => void;
  err: (s: string) => void;
}
const processIo: ServeIo = { open: openStore, out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

async function openServerStore(io: ServeIo, url: string): Promise<ServerStore> {
  try {
    return await io.open(url);
  } catch (err) {
    throw err instanceof StoreError && err.code !== 'unreachable' ? new UsageError(err.message) : err;
  }
}

function loadProblemsOrFail(dir: string | undefined): { problems: WarningProblem[]; from?: string } {
  if (dir && !fs.existsSync(dir)) throw new UsageError(`--problems ${dir}: no such folder`);
  try { return problemsFor(dir); } catch (err) { throw new UsageError((err as Error).message); }
}

/** Serves until Ctrl-C or SIGTERM, then closes the socket and the archive. */
async function serveUntilStopped(io: ServeIo, store: ServerStore, flags: ServeFlags, problems: WarningProblem[], banner: (url: string) => string): Promise<void> {
  const { app } = createApp({ store, problems, publicReads: !!flags.public, webRoot: WEB_ROOT, asOf: flags.asOf, maxBodyBytes: flags.maxBody, fetchInternal: !!flags.fetchInternal });
  let server: Listening;
  try {
    server = await listen(app, { host: flags.host, port: flags.port }).catch((err: Error) => {
      if (!flags.anyPortIfTaken || !/already in use/.test(err.message)) throw err;
      io.err(`note: port ${flags.port} is taken; using a free one\n`);
      return listen(app, { host: flags.host, port: 0 });
    });
  } catch (err) {
    await store.close();
    throw new UsageError((err as Error).message);
  }
  if (!fs.existsSync(WEB_ROOT)) io.err(`note: no built dashboard in ${WEB_ROOT} (run \`npm run build:web\`); serving the API only\n`);
  if (!LOOPBACK.test(flags.host)) io.err(`note: listening on ${flags.host}, reachable from other machines${flags.public ? ' and readable without a token' : ''}\n`);
  io.out(banner(server.url));
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.err('\nstopping\n');
  await server.close();
  await store.close();
}

function withServeFlags(cmd: Command): Command {
  return cmd
    .option('--port <n>', 'the port to listen on (0 picks a free one)', port, 8080)
    .option('--host <address>', 'the address to listen on; other than 127.0.0.1 the server is reachable from the network', '127.0.0.1')
    .option('--problems <dir>', 'a folder of warning-problem YAML files (default: the project\'s examples/problems/ if present)')
    .option('--as-of <date>', 'evaluate forecasts and warnings at this day (YYYY-MM-DD) instead of the newest report in the archive', day)
    .option('--max-body <bytes>', 'the largest request body accepted (larger ones get 413)', bytes, 1024 * 1024)
    .option('--fetch-internal', 'let POST /api/ingest {url} fetch this host and private networks (by default only public addresses)');
}

export function registerServeCommands(program: Command, io: ServeIo = processIo): void {
  withServeFlags(program.command('serve').description('serve the JSON API (/api, /openapi.json) and the dashboard from one process'))
    .option('--db <url>', 'the archive: a SQLite file or postgres://... (default: WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--public', 'let anyone read without a token (writes still need an analyst token)')
    .action(async (flags: ServeFlags) => {
      const { problems, from } = loadProblemsOrFail(flags.problems);
      const store = await openServerStore(io, resolveDbUrl(flags.db));
      await serveUntilStopped(io, store, flags, problems, (url) => [
        `watchfloor serving ${store.dialect} archive ${printable(resolveDbUrl(flags.db))}`,
        `  dashboard  ${url}/`, `  API        ${url}/api  (described at ${url}/openapi.json)`,
        `  problems   ${problems.length}${from ? ` from ${from}` : ''}`,
        flags.public ? '  reads are public; writes need an analyst token' : '  every request needs a token: watchfloor token create --name NAME --role reader',
        '  Ctrl-C stops', '',
      ].join('\n'));
    });

  const token = program.command('token').description('API tokens: each has a role (reader < analyst < admin) and is stored only as a hash');
  token.command('create')
    .description('create a token and print its secret (shown this once)')
    .requiredOption('--name <name>', 'who or what uses it (shown in the audit trail of resolutions)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, role)
    .option('--db <url>', 'the archive (default: WATCHFLOOR_DB, else ./watchfloor.db)')
    .action(async (flags: { name: string; role: Role; db?: string }) => {
      const store = await openServerStore(io, resolveDbUrl(flags.db));
      try {
        const { info, secret } = await store.createToken(flags.name, flags.role);
        io.out(`${secret}\n`);
        io.err(`token ${info.id} "${info.name}" (${info.role}); keep the secret above, it is not stored and cannot be shown again\n`);
      } finally { await store.close(); }
    });
  token.command('list')
    .description('list tokens (never their secrets)')
    .option('--db <url>', 'the archive (default: WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--json', 'print JSON')
    .action(async (flags: { db?: string; json?: boolean }) => {
      const store = await openServerStore(io, resolveDbUrl(flags.db));
      try {
        const tokens = await store.listTokens();
        if (flags.json) return void io.out(`${JSON.stringify(tokens, null, 2)}\n`);
        const rows = tokens.map((t) => [t.id, t.name, t.role, t.createdAt, t.revoked ? 'revoked' : 'active']);
        const widths = [0, 1, 2, 3].map((i) => Math.max(...[['id', 'name', 'role', 'created'][i], ...rows.map((r) => r[i])].map((s) => s.length)));
        for (const r of [['id', 'name', 'role', 'created', 'state'], ...rows]) io.out(`${r.map((c, i) => (i < 4 ? c.padEnd(widths[i]) : c)).join('  ')}\n`);
      } finally { await store.close(); }
    });
  token.command('revoke <id>')
    .description('revoke a token by its id (see `token list`)')
    .option('--db <url>', 'the archive (default: WATCHFLOOR_DB, else ./watchfloor.db)')
    .action(async (id: string, flags: { db?: string }) => {
      const store = await openServerStore(io, resolveDbUrl(flags.db));
      try {
        if (!(await store.revokeToken(id))) throw new UsageError(`no active token ${JSON.stringify(id)} (see \`watchfloor token list\`)`);
        io.out(`revoked ${id}\n`);
      } finally { await store.close(); }
    });

  withServeFlags(program.command('demo').description('ingest the bundled demo corpus into a local SQLite archive, run the tracker and serve the dashboard'))
    .option('--db <url>', `the demo archive (default: ${DEMO_DB})`)
    .option('--no-serve', 'load the corpus and report, then exit')
    .action(async (flags: ServeFlags & { serve: boolean }, command: Command) => {
      const { problems } = loadProblemsOrFail(flags.problems);
      // the demo never writes into the archive WATCHFLOOR_DB names: only an explicit --db moves it
      const db = flags.db ?? DEMO_DB;
      const store = await openServerStore(io, db);
      const say = (s: string) => io.out(`${s}\n`);
      try {
        say(`loading the demo corpus into ${printable(db)} ...`);
        const summary = await loadDemoCorpus(store, loadModel(), undefined, (o) => { if ('failed' in o) io.err(`failed: ${o.name}: ${o.failed}\n`); });
        const stats = await store.stats();
        say(`  ${summary.new} new, ${summary.duplicate} already stored, ${summary.failed.length} failed; the archive holds ${stats.documents} documents, ${stats.events} events, ${stats.clusters} clusters`);
        const snapshot = await new Tracker(store, problems, { asOf: flags.asOf }).snapshot();
        const states = new Map<string, number>();
        for (const f of snapshot.forecasts) states.set(f.state, (states.get(f.state) ?? 0) + 1);
        say(`  tracker (as of ${snapshot.asOf}): ${snapshot.forecasts.length} forecasts (${[...states].map(([k, v]) => `${v} ${k}`).join(', ')})`);
        for (const p of snapshot.problems) say(`  warning: ${p.title}: ${p.level.toUpperCase()} (score ${p.score})`);
      } catch (err) {
        await store.close();
        throw err;
      }
      if (!flags.serve) return void (await store.close());
      // the demo's analyst token is made afresh each run (older ones revoked) and handed to the browser in the URL fragment, which is never sent to a server
      const secret = await demoToken(store);
      const anyPortIfTaken = command.getOptionValueSource('port') === 'default';
      await serveUntilStopped(io, store, { ...flags, public: true, anyPortIfTaken }, problems, (url) => [
        '', `watchfloor demo is running:`, `  open ${url}/#token=${secret}`,
        '  (reads are public; the link carries an analyst token so that you can resolve forecasts)', `  API ${url}/openapi.json`, '  Ctrl-C stops', '',
      ].join('\n'));
    });
}

/** Revokes earlier demo tokens and creates one analyst token for this run. */
async function demoToken(store: ServerStore): Promise<string> {
  for (const t of await store.listTokens()) if (t.name === DEMO_TOKEN_NAME && !t.revoked) await store.revokeToken(t.id);
  return (await store.createToken(DEMO_TOKEN_NAME, 'analyst')).secret;
}
