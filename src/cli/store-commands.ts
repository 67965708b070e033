// Archive query commands: events, actors, search, show, clusters, reprocess; each prints a table, --json or --csv.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { DocId } from '../core/ids.js';
import { EVENT_STATUSES } from '../core/record.js';
import { loadModel } from '../nlp/model/load.js';
import { extract, InputError } from '../nlp/pipeline.js';
import { parseDyad } from '../store/codes.js';
import type { EventCluster, Storage, StoredEvent } from '../store/types.js';
import { UsageError } from './errors.js';
import { count, csv, date, eventStatus, eventType, page, print, processIo, table, withStore, type Column, type Io, type OutputFlags, type PageFlags } from './common.js';


interface EventFlags extends OutputFlags, PageFlags { actor?: string; dyad?: string; type?: string; status?: string; since?: string; until?: string; text?: string }
interface ClusterFlags extends OutputFlags, PageFlags { actor?: string; type?: string; status?: string; since?: string; until?: string; minMentions?: string }


const EVENT_COLUMNS: Column<StoredEvent>[] = [
  ['date', (e) => e.date],
  ['type', (e) => e.type],
  ['status', (e) => e.status],
  ['source', (e) => codesOf(e.source)],
  ['target', (e) => codesOf(e.target)],
  ['attribution', (e) => e.attributionCode],
  ['p', (e) => e.likelihood],
  ['window', (e) => (e.windowStart ? `${e.windowStart}..${e.windowEnd ?? ''}` : undefined)],
  ['magnitude', (e) => (e.magnitudeMin !== undefined ? `${e.magnitudeMin}-${e.magnitudeMax}${e.magnitudeUnit ? ` ${e.magnitudeUnit}` : ''}` : undefined)],
  ['trigger', (e) => e.trigger.text],
  ['event', (e) => e.id],
  ['cluster', (e) => e.clusterId],
  ['title', (e) => e.docTitle],
];

const CLUSTER_COLUMNS: Column<EventCluster>[] = [
  ['cluster', (c) => c.id],
  ['type', (c) => c.type],
  ['status', (c) => c.status],
  ['source', (c) => c.sourceCodes.join(' ')],
  ['target', (c) => c.targetCodes.join(' ')],
  ['mentions', (c) => c.mentionCount],
  ['stories', (c) => c.storyCount],
  ['first', (c) => c.firstDate],
  ['last', (c) => c.lastDate],
  ['first report', (c) => c.firstReport],
  ['last report', (c) => c.lastReport],
];

export function registerStoreCommands(program: Command, io: Io = processIo): void {
  const withOutput = (cmd: Command) => cmd
    .option('--db <url>', 'the archive: a SQLite file or postgres://... (default: $WATCHFLOOR_DB, else ./watchfloor.db)')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV with a header row');
  const withPage = (cmd: Command) => cmd.option('--limit <n>', 'at most n rows', '50').option('--offset <n>', 'skip the first n rows', '0');

  withPage(withOutput(program.command('events').description('list archived events, newest first')))
    .option('--actor <code>', 'an actor code on either side: PRK, or with a sector PRK-MIL')
    .option('--dyad <src:tgt>', 'source and target codes, e.g. PRK:RUS or PRK-MIL:UKR')
    .option('--type <type>', 'a PLOVER event type, e.g. MOBILIZE')
    .option('--status <status>', `one of ${EVENT_STATUSES.join(', ')}`)
    .option('--since <date>', 'events on or after YYYY-MM-DD (when.start, else the document date)')
    .option('--until <date>', 'events on or before YYYY-MM-DD')
    .option('--text <query>', 'only events whose document matches this full-text query')
    .action((flags: EventFlags) => withStore(flags, io, async (store) => {
      const events = await store.events({
        actor: flags.actor, dyad: flags.dyad !== undefined ? parseDyad(flags.dyad) : undefined, type: eventType(flags.type), status: eventStatus(flags.status),
        since: date(flags.since, 'since'), until: date(flags.until, 'until'), text: flags.text, ...page(flags),
      });
      print(io, flags, events, EVENT_COLUMNS);
    }));

  withPage(withOutput(program.command('actors').description('list actors by how often the archive mentions them')))
    .option('--code <code>', 'only this code, e.g. PRK or PRK-MIL')
    .option('--text <text>', 'only actors whose text or name contains this')
    .action((flags: OutputFlags & PageFlags & { code?: string; text?: string }) => withStore(flags, io, async (store) => {
      const actors = await store.actors({ code: flags.code, text: flags.text, ...page(flags) });
      print(io, flags, actors, [
        ['code', (a) => a.code], ['sector', (a) => a.sector], ['name', (a) => a.name ?? a.text], ['kind', (a) => a.kind],
        ['documents', (a) => a.documents], ['mentions', (a) => a.mentions], ['as source', (a) => a.asSource], ['as target', (a) => a.asTarget],
      ]);
    }));

  withPage(withOutput(program.command('search <query>').description('full-text search over archived documents ("quoted phrases" work)')))
    .action((query: string, flags: OutputFlags & PageFlags) => withStore(flags, io, async (store) => {
      const hits = await store.search(query, page(flags));
      print(io, flags, hits, [['document', (h) => h.docId], ['published', (h) => h.published], ['source', (h) => h.source], ['title', (h) => h.title], ['snippet', (h) => h.snippet]]);
    }));

  withOutput(program.command('show <document>').description('a document with its extraction (by archive id, the reader\'s id, or url); --csv lists its events'))
    .action((id: string, flags: OutputFlags) => withStore(flags, io, async (store) => {
      const doc = await store.document(id);
      if (!doc) throw new UsageError(`no document ${JSON.stringify(id)} in the archive`);
      if (flags.json) return io.out(`${JSON.stringify(doc, null, 2)}\n`);
      const events = await store.events({ docId: doc.id, limit: 10_000 });
      if (flags.csv) return io.out(csv(events, EVENT_COLUMNS));
      const m = doc.meta;
      io.out([`${doc.id}  ${m.title ?? '(untitled)'}`, [m.published, m.source, m.byline, m.url, m.externalId && `id ${m.externalId}`].filter(Boolean).join('  '),
        `story ${doc.storyId}  added ${doc.addedAt}`, '', doc.text.trim(), '', `actors (${doc.record.actors?.length ?? 0})`,
        ...(doc.record.actors ?? []).map((a) => `  ${a.id}  ${a.sector ? `${a.code}-${a.sector}` : a.code}  ${a.text}`), '', `events (${events.length})`, ''].join('\n'));
      if (events.length) io.out(table(events, EVENT_COLUMNS.filter(([h]) => h !== 'title')));
    }));

  withPage(withOutput(program.command('clusters [cluster]').description('event clusters (the same event in several reports), most reported first; with an id, its mentions')))
    .option('--actor <code>', 'clusters involving this actor code')
    .option('--type <type>', 'a PLOVER event type')
    .option('--status <status>', `one of ${EVENT_STATUSES.join(', ')}`)
    .option('--since <date>', 'clusters reported on or after YYYY-MM-DD')
    .option('--until <date>', 'clusters reported on or before YYYY-MM-DD')
    .option('--min-mentions <n>', 'only clusters with at least n mentions')
    .action((id: string | undefined, flags: ClusterFlags) => withStore(flags, io, async (store) => {
      if (id !== undefined) {
        const cluster = await store.cluster(id as EventCluster['id']);
        if (!cluster) throw new UsageError(`no cluster ${JSON.stringify(id)} in the archive`);
        if (flags.json) return io.out(`${JSON.stringify(cluster, null, 2)}\n`);
        return print(io, flags, cluster.mentions, [['event', (m) => m.eventId], ['document', (m) => m.docId], ['source', (m) => m.source],
          ['trigger', (m) => m.trigger.join('-')], ['sentence', (m) => m.sentence.join('-')]]);
      }
      const clusters = await store.clusters({
        actor: flags.actor, type: eventType(flags.type), status: eventStatus(flags.status), since: date(flags.since, 'since'), until: date(flags.until, 'until'),
        minMentions: flags.minMentions === undefined ? undefined : count(flags.minMentions, '--min-mentions'), ...page(flags),
      });
      print(io, flags, clusters, CLUSTER_COLUMNS);
    }));

  withOutput(program.command('reprocess').description('re-extract every archived document with the current extractor'))
    .action((flags: OutputFlags) => withStore(flags, io, async (store) => {
      const summary = await reprocess(store, io);
      if (flags.json) io.out(`${JSON.stringify(summary)}\n`);
      else if (flags.csv) io.out(csv([summary], Object.keys(summary).map((k) => [k, (s) => s[k as keyof typeof s]])));
      else io.out(`reprocessed ${summary.reprocessed} of ${summary.documents} documents; ${summary.failed} failed; events ${summary.eventsBefore} -> ${summary.eventsAfter}\n`);
    }));
}

/** Re-extracts each stored document in id order and swaps its extraction; a document the extractor refuses is counted and left as it was. */
async function reprocess(store: Storage, io: Io) {
  const before = await store.stats();
  const model = loadModel();
  const bar = io.errIsTTY ? new cliProgress.SingleBar({ format: 'reprocess [{bar}] {value}/{total} documents {eta_formatted} left', stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
  bar?.start(before.documents, 0);
  let reprocessed = 0, failed = 0;
  let after: DocId | undefined;
  for (;;) {
    const docs = await store.documents({ after, limit: 100 });
    if (!docs.length) break;
    for (const doc of docs) {
      const was = doc.record.document ?? {};
      try {
        const record = extract({ id: was.id ?? doc.id, text: doc.text, title: doc.meta.title, published: doc.meta.published, source: doc.meta.source, url: doc.meta.url },
          model, { fallbackDate: was.referenceDate ?? doc.addedAt.slice(0, 10) });
        await store.replaceExtraction(doc.id, record);
        reprocessed++;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        failed++;
        if (!bar) io.err(`watchfloor: ${doc.id}: not re-extracted: ${err.message}\n`);
      }
      bar?.increment();
    }
    after = docs[docs.length - 1].id;
  }
  bar?.stop();
  return { documents: before.documents, reprocessed, failed, eventsBefore: before.events, eventsAfter: (await store.stats()).events };
}

function codesOf(refs: { code: string; sector?: string }[]): string {
  return refs.map((r) => (r.sector ? `${r.code}-${r.sector}` : r.code)).join(' ');
}

