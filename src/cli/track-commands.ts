// Tracker commands: forecasts, resolve, calibration, watch (warning problems), trends, alerts and the brief.
import fs from 'node:fs';
import type { Command } from 'commander';
import { briefHtml, briefMarkdown } from '../brief/brief.js';
import { codeName, coversIssuer } from '../core/countries.js';
import { jsonlSink, terminalSink, webhookSink, type Sink } from '../notify/deliver.js';
import { calibrate } from '../track/calibration.js';
import type { TrackedForecast } from '../track/forecasts.js';
import { parseProblem, ProblemError, type WarningProblem } from '../track/problems.js';
import { matchRules, parseRules } from '../track/rules.js';
import { briefInput, loadForecasts, resolveForecast, TrackError, watchProblems, type Archive } from '../track/service.js';
import { detectSpikes, weeklySeries } from '../track/trends.js';
import { problemsFor } from '../server/setup.js';
import { parseDyad } from '../store/codes.js';
import { date, print, processIo, withStore, type Io, type OutputFlags } from './common.js';
import { fileProblem, UsageError } from './errors.js';

interface AsOfFlags extends OutputFlags { asOf?: string }

const FORECAST_COLUMNS: [string, (f: TrackedForecast) => unknown][] = [
  ['forecast', (f) => f.id],
  ['state', (f) => f.state],
  ['issued', (f) => f.issued],
  ['issuer', (f) => f.issuer],
  ['type', (f) => f.type],
  ['source', (f) => f.sourceCodes.join(' ')],
  ['target', (f) => f.targetCodes.join(' ')],
  ['window', (f) => (f.window ? `${f.window.start}..${f.window.end}` : undefined)],
  ['p', (f) => f.likelihood?.p],
  ['cue', (f) => f.likelihood?.cue],
  ['magnitude', (f) => (f.magnitude ? `${f.magnitude.min}-${f.magnitude.max}${f.magnitude.unit ? ` ${f.magnitude.unit}` : ''}` : undefined)],
  ['reports', (f) => f.sources.length],
  ['evidence', (f) => f.resolution?.evidenceDoc ?? [...new Set(f.proposal?.evidence.map((e) => e.docId))].join(' ')],
  ['text', (f) => f.sources[0]?.text],
];

/** The forecast as the issue's JSON lists it: id, issuer, event, window, likelihood, magnitude, status, sources, resolution. */
function forecastJson(f: TrackedForecast) {
  const decided = f.resolution && f.resolution.state !== 'open' ? f.resolution : undefined;
  return {
    id: f.id, issuer: f.issuer ?? null, event: { type: f.type, ...(f.mode ? { mode: f.mode } : {}), source: f.sourceCodes, target: f.targetCodes, ...(f.mutual ? { mutual: true } : {}) },
    window: f.window ?? null, likelihood: f.likelihood ?? null, magnitude: f.magnitude ?? null, status: f.state,
    sources: f.sources.map((s) => ({ doc: s.docId, span: s.span ?? null, text: s.text ?? null })),
    resolution: f.state === 'open' ? null : {
      status: f.state, by: decided?.by ?? 'tracker (proposed)', on: decided?.on ?? f.proposal?.evidence[0]?.docDate ?? null,
      evidence: decided ? (decided.evidenceDoc ? [{ doc: decided.evidenceDoc }] : []) : (f.proposal?.evidence ?? []).map((e) => ({ doc: e.docId, span: e.span ?? null, text: e.text ?? null })),
      ...(decided?.note ? { note: decided.note } : {}), ...(f.proposal && !decided ? { reason: f.proposal.reason } : {}),
    },
  };
}

export function registerTrackCommands(program: Command, io: Io = processIo): void {
  const common = (cmd: Command) => cmd
    .option('--db <url>', 'the archive: a SQLite file or postgres://... (default: $WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--as-of <date>', 'evaluate as of YYYY-MM-DD (default: the newest report in the archive)')
    .option('--json', 'print JSON');

  common(program.command('forecasts').description('tracked forecasts with their state: open, confirmed, refuted, expired, withdrawn'))
    .option('--csv', 'print CSV')
    .option('--open', 'only open forecasts')
    .option('--resolved', 'only confirmed, refuted, expired or withdrawn forecasts')
    .option('--issuer <code>', 'only forecasts attributed to this code: KOR (any South Korean body), KOR-SPY, NATO')
    .action((flags: AsOfFlags & { open?: boolean; resolved?: boolean; issuer?: string }) => withArchive(flags, io, async (archive) => {
      if (flags.open && flags.resolved) throw new UsageError('choose one of --open and --resolved');
      let { forecasts } = await loadForecasts(archive, date(flags.asOf, 'as-of'));
      if (flags.open) forecasts = forecasts.filter((f) => f.state === 'open');
      if (flags.resolved) forecasts = forecasts.filter((f) => f.state !== 'open');
      if (flags.issuer) forecasts = forecasts.filter((f) => f.issuer !== undefined && coversIssuer(flags.issuer!, f.issuer));
      if (flags.json) return io.out(`${JSON.stringify(forecasts.map(forecastJson), null, 2)}\n`);
      print(io, flags, forecasts, FORECAST_COLUMNS);
    }));

  program.command('resolve <forecast> <state>')
    .description('record an analyst decision on a forecast: confirmed, refuted, withdrawn, or open (to undo); kept as an audit trail')
    .option('--db <url>', 'the archive (default: $WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--by <document>', 'the document that shows the outcome')
    .option('--note <text>', 'why')
    .option('--who <name>', 'who decides (default: $USER)')
    .option('--json', 'print the forecast as JSON')
    .action((id: string, state: string, flags: OutputFlags & { by?: string; note?: string; who?: string }) => withArchive(flags, io, async (archive) => {
      if (!['confirmed', 'refuted', 'withdrawn', 'open'].includes(state)) throw new UsageError(`the state must be confirmed, refuted, withdrawn or open, not ${JSON.stringify(state)}`);
      const f = await resolveForecast(archive, id, { state: state as 'confirmed', by: flags.who ?? io.env.USER ?? 'analyst', evidenceDoc: flags.by, note: flags.note });
      if (flags.json) return io.out(`${JSON.stringify(forecastJson(f), null, 2)}\n`);
      io.out(`${f.id} is now ${f.state}${f.resolution?.evidenceDoc ? ` (by ${f.resolution.evidenceDoc})` : ''}\n`);
    }));

  common(program.command('calibration').description('per issuer: Brier and log scores over resolved forecasts, and a calibration table'))
    .option('--csv', 'print CSV')
    .action((flags: AsOfFlags) => withArchive(flags, io, async (archive) => {
      const table = calibrate((await loadForecasts(archive, date(flags.asOf, 'as-of'))).forecasts);
      if (flags.json) return io.out(`${JSON.stringify(table, null, 2)}\n`);
      print(io, flags, table, [
        ['issuer', (c) => `${c.issuer} (${codeName(c.issuer)})`], ['scored', (c) => c.scored], ['Brier', (c) => c.brier], ['log score', (c) => c.logScore],
        ['resolved without p', (c) => c.unscored.resolved], ['of which confirmed', (c) => c.unscored.confirmed], ['open', (c) => c.open],
        ['bands (p range: forecasts, mean p -> observed)', (c) => c.bands.map((b) => `${b.from}-${b.to}: ${b.count}, ${b.meanP}->${b.observed}`).join('; ')],
      ]);
    }));

  common(program.command('watch [problems...]').description('evaluate warning problems (YAML files; default examples/problems/): indicators, evidence and warning level'))
    .action((files: string[], flags: AsOfFlags) => withArchive(flags, io, async (archive) => {
      const problems = readProblems(files);
      const statuses = await watchProblems(archive, problems, date(flags.asOf, 'as-of'));
      if (flags.json) return io.out(`${JSON.stringify(statuses, null, 2)}\n`);
      for (const s of statuses) {
        io.out(`${s.title} — warning level ${s.level.toUpperCase()} (score ${s.score}, as of ${s.asOf})\n`);
        for (const ind of s.indicators) {
          io.out(`  [${ind.state === 'corroborated' ? 'x' : ind.state === 'observed' ? '~' : ' '}] ${ind.title}: ${ind.state}${ind.sources ? ` (${ind.sources} source${ind.sources === 1 ? '' : 's'} since ${ind.since})` : ''}\n`);
          for (const ev of ind.evidence.slice(-2)) io.out(`        ${ev.docDate} ${ev.docId}: ${(ev.text ?? '').replace(/\s+/g, ' ').slice(0, 140)}\n`);
        }
        io.out(`  reasons: ${s.reasons.join('; ')}\n\n`);
      }
    }));

  common(program.command('trends').description('weekly cooperation/conflict series per dyad; --spikes lists weeks 3 sd over a 12-week baseline'))
    .option('--csv', 'print CSV')
    .option('--dyad <src:tgt>', 'one dyad, e.g. PRK:RUS')
    .option('--spikes', 'list spikes instead of the series')
    .action((flags: AsOfFlags & { dyad?: string; spikes?: boolean }) => withArchive(flags, io, async (archive) => {
      const asOf = date(flags.asOf, 'as-of');
      let series = weeklySeries(await archive.trackEvents(asOf ? { until: asOf } : {}));
      if (flags.dyad) {
        const d = parseDyad(flags.dyad);
        series = series.filter((s) => s.source === d.source.toUpperCase() && s.target === d.target.toUpperCase());
      }
      if (flags.spikes) {
        const spikes = detectSpikes(series);
        if (flags.json) return io.out(`${JSON.stringify(spikes, null, 2)}\n`);
        return print(io, flags, spikes, [['source', (s) => s.source], ['target', (s) => s.target], ['week', (s) => s.week], ['events', (s) => s.events], ['baseline mean', (s) => s.baselineMean], ['baseline sd', (s) => s.baselineSd]]);
      }
      if (flags.json) return io.out(`${JSON.stringify(series, null, 2)}\n`);
      const rows = series.flatMap((s) => s.points.filter((p) => p.events).map((p) => ({ ...p, source: s.source, target: s.target })));
      print(io, flags, rows, [['source', (r) => r.source], ['target', (r) => r.target], ['week', (r) => r.week], ['events', (r) => r.events], ['cooperation', (r) => r.cooperation], ['conflict', (r) => r.conflict], ['net', (r) => r.net]]);
    }));

  program.command('alerts')
    .description('fire watch rules on archived events: to the terminal, a JSON-lines file, or a webhook; --follow keeps polling')
    .requiredOption('--rules <file>', 'YAML rules: - {name, query: {types, source, target, statuses, keywords}}')
    .option('--db <url>', 'the archive (default: $WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--to <sink>', 'terminal, jsonl:FILE or webhook:URL', 'terminal')
    .option('--state <file>', 'remember which events were already alerted on between runs')
    .option('--follow <seconds>', 'poll the archive every n seconds for new events until interrupted')
    .action((flags: OutputFlags & { rules: string; to: string; state?: string; follow?: string }) => withArchive(flags, io, async (archive) => {
      const rules = parseRules(readText(flags.rules), flags.rules);
      const sink = sinkFor(flags.to, io);
      const seen = new Set<string>(flags.state && fs.existsSync(flags.state) ? readSeen(flags.state) : []);
      const every = flags.follow === undefined ? 0 : Number(flags.follow);
      if (flags.follow !== undefined && !(every > 0)) throw new UsageError(`--follow takes a number of seconds, not ${JSON.stringify(flags.follow)}`);
      let stop = false;
      const onSignal = () => { stop = true; };
      process.once('SIGINT', onSignal);
      try {
        do {
          const alerts = matchRules(rules, await archive.trackEvents(), seen);
          await sink.send(alerts);
          if (flags.state) fs.writeFileSync(flags.state, JSON.stringify([...seen]));
          if (!every) io.err(`${alerts.length} alert(s)\n`);
          else await new Promise((r) => setTimeout(r, every * 1000));
        } while (every && !stop);
      } finally {
        process.removeListener('SIGINT', onSignal);
      }
    }));

  program.command('brief')
    .description('write the analyst brief: key developments, forecasts, indicator changes and busy dyads, each statement cited')
    .option('--db <url>', 'the archive (default: $WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--since <period>', 'the period: 7d, 4w, 3m or a YYYY-MM-DD date', '7d')
    .option('--as-of <date>', 'the last day of the period (default: the newest report in the archive)')
    .option('--problem <file...>', 'warning problems to include (YAML)')
    .option('--format <format>', 'md or html', 'md')
    .option('--title <text>', 'the brief\'s title')
    .option('--out <file>', 'write to a file instead of standard output')
    .action((flags: OutputFlags & { since: string; asOf?: string; problem?: string[]; format: string; title?: string; out?: string }) => withArchive(flags, io, async (archive) => {
      if (flags.format !== 'md' && flags.format !== 'html') throw new UsageError(`--format must be md or html, not ${JSON.stringify(flags.format)}`);
      const input = await briefInput(archive, { since: flags.since, asOf: date(flags.asOf, 'as-of'), problems: flags.problem ? readProblems(flags.problem) : [], title: flags.title });
      const text = flags.format === 'html' ? briefHtml(input) : briefMarkdown(input);
      if (flags.out) fs.writeFileSync(flags.out, text); else io.out(text);
    }));
}

async function withArchive(flags: OutputFlags, io: Io, fn: (archive: Archive) => Promise<void>): Promise<void> {
  await withStore(flags, io, async (store) => {
    try {
      await fn(store as Archive);
    } catch (err) {
      throw err instanceof TrackError || err instanceof ProblemError ? new UsageError(err.message) : err;
    }
  });
}

/** The named problem files, or the project's example problems when none is named. */
function readProblems(files: string[]): WarningProblem[] {
  if (!files.length) {
    const { problems } = problemsFor(undefined);
    if (!problems.length) throw new UsageError('no warning problem given (and no examples/problems/ folder)');
    return problems;
  }
  return files.map((f) => parseProblem(readText(f), f));
}

function readText(file: string): string {
  try { return fs.readFileSync(file, 'utf8'); } catch (err) { throw fileProblem(file, err); }
}

function readSeen(file: string): string[] {
  try {
    const v = JSON.parse(readText(file));
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
  throw new UsageError(`${file}: not an alert state file (a JSON list of event ids)`);
}

function sinkFor(spec: string, io: Io): Sink {
  if (spec === 'terminal') return terminalSink(io.out);
  if (spec.startsWith('jsonl:')) return jsonlSink(spec.slice(6));
  if (spec.startsWith('webhook:')) return webhookSink(spec.slice(8));
  throw new UsageError(`--to must be terminal, jsonl:FILE or webhook:URL, not ${JSON.stringify(spec)}`);
}
