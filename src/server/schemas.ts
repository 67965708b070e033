// Request schemas (zod): the query filters shared with the CLI, pagination, and the bodies of writes; parsed into typed values or a 400.
import type { Context } from 'hono';
import { z } from 'zod';
import { toIsoDate, type IsoDate } from '../core/ids.js';
import { PLOVER_TYPES } from '../core/plover.js';
import { EVENT_STATUSES } from '../core/record.js';
import { parseActorCode, parseDyad } from '../store/codes.js';
import { StoreError } from '../store/types.js';
import { ApiError, issuesOf } from './errors.js';

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

const day = z.string().refine((s) => toIsoDate(s) !== null, 'must be a real day written YYYY-MM-DD').transform((s) => s as IsoDate);
const ploverType = z.string().transform((s) => s.toUpperCase()).pipe(z.enum(PLOVER_TYPES, { error: `must be a PLOVER type: ${PLOVER_TYPES.join(', ')}` }));
const status = z.enum(EVENT_STATUSES as [string, ...string[]], { error: `must be one of ${EVENT_STATUSES.join(', ')}` }).transform((s) => s as (typeof EVENT_STATUSES)[number]);
/** the store's own parser decides what an actor code is, so the API and the CLI accept the same spellings */
const storeParsed = <T>(parse: (s: string) => T) => z.string().transform((s, ctx) => {
  try { return parse(s); } catch (err) {
    ctx.addIssue({ code: 'custom', message: err instanceof StoreError ? err.message : String(err) });
    return z.NEVER;
  }
});
const actor = storeParsed(parseActorCode).describe('an actor code on either side: PRK, or with a sector PRK-MIL');
const dyad = storeParsed(parseDyad).describe('source and target codes, SOURCE:TARGET, e.g. PRK:RUS');
const count = (max: number) => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(max, `must be at most ${max}`);

export const pageQuery = z.object({
  limit: count(MAX_LIMIT).default(DEFAULT_LIMIT).describe(`rows per page (at most ${MAX_LIMIT})`),
  offset: count(10_000_000).default(0).describe('rows to skip'),
});

export const eventQuery = pageQuery.extend({
  actor: actor.optional(),
  dyad: dyad.optional(),
  type: ploverType.optional().describe('a PLOVER event type, e.g. MOBILIZE'),
  status: status.optional(),
  since: day.optional().describe('events on or after this day (when.start, else the document date)'),
  until: day.optional().describe('events on or before this day'),
  text: z.string().min(1).max(200).optional().describe('only events whose document matches this full-text query'),
  doc: z.string().min(1).max(200).optional().describe('only this document\'s events'),
});

export const clusterQuery = pageQuery.extend({
  actor: actor.optional(),
  type: ploverType.optional(),
  status: status.optional(),
  since: day.optional(),
  until: day.optional(),
  minMentions: count(1_000_000).optional().describe('only clusters reported at least this many times'),
});

export const actorQuery = pageQuery.extend({
  code: actor.optional(),
  text: z.string().min(1).max(200).optional().describe('substring of the actor\'s text or canonical name'),
});

export const searchQuery = pageQuery.extend({ q: z.string().trim().min(1, 'must not be empty').max(500).describe('full-text query ("quoted phrases" work)') });

export const documentsQuery = z.object({
  after: z.string().min(1).max(200).optional().describe('the last document id of the previous page'),
  limit: count(MAX_LIMIT).default(DEFAULT_LIMIT),
});

export const FORECAST_STATES = ['open', 'confirmed', 'refuted', 'expired', 'withdrawn'] as const;
export const forecastQuery = pageQuery.extend({
  state: z.enum(FORECAST_STATES).optional(),
  issuer: actor.optional().describe('who made the forecast (a country code)'),
  actor: actor.optional().describe('an actor code on either side of the forecast act'),
});

export const periodQuery = z.object({ since: day.optional(), until: day.optional() });

export const networkQuery = periodQuery.extend({
  status: status.default('asserted'),
  maxNodes: count(200).default(40).describe('the most active actors kept'),
});

export const mapQuery = eventQuery.omit({ limit: true, offset: true });

export const trendsQuery = periodQuery.extend({
  actor: actor.optional().describe('only dyads with this code on either side'),
  top: count(100).default(10).describe('the busiest dyads returned'),
});

export const briefQuery = z.object({
  since: z.union([day, z.string().regex(/^\d+[dwm]$/)], { error: 'must be a day YYYY-MM-DD or a span before until such as 7d, 4w, 3m' }).optional(),
  until: day.optional().describe('the last day of the period (default: the day the tracker evaluates at)'),
  format: z.enum(['html', 'markdown']).default('html'),
});

export const resolutionBody = z.object({
  state: z.enum(['confirmed', 'refuted', 'withdrawn', 'open']).describe('"open" takes a decision back'),
  on: day.optional().describe('the day the outcome is dated (default: today)'),
  evidenceDoc: z.string().min(1).max(200).optional().describe('the document the analyst cites'),
  note: z.string().max(2000).optional(),
}).strict();

export const MAX_INGEST_CHARS = 200_000;
export const ingestBody = z.union([
  z.object({
    text: z.string().trim().min(1, 'must not be empty').max(MAX_INGEST_CHARS, `must be at most ${MAX_INGEST_CHARS} characters`),
    title: z.string().max(500).optional(),
    published: day.optional(),
    source: z.string().max(200).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
  }).strict(),
  z.object({ url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }) }).strict(),
], { error: 'expected {text, title?, published?, source?, url?} or {url}' });

export const tokenBody = z.object({ name: z.string().trim().min(1).max(100), role: z.enum(['reader', 'analyst', 'admin']) }).strict();

/** The query string parsed by a schema; a 400 naming each bad parameter otherwise. An unknown parameter is an error too:
 *  a misspelt filter (?stauts=forecast) must not quietly return everything. */
export function query<S extends z.ZodObject>(c: Context, schema: S): z.output<S> {
  const raw = c.req.query();
  const unknown = Object.keys(raw).filter((k) => !(k in schema.shape));
  const parsed = schema.safeParse(raw);
  const issues = [
    ...unknown.map((k) => ({ path: `query.${k}`, message: `unknown parameter (known: ${Object.keys(schema.shape).join(', ')})` })),
    ...(parsed.success ? [] : issuesOf(parsed.error, 'query')),
  ];
  if (issues.length || !parsed.success) throw new ApiError(400, 'bad-request', 'invalid query parameters', issues);
  return parsed.data;
}

/** The JSON body parsed by a schema; a 400 when it is not JSON or does not fit, a 415 when it is not sent as JSON. */
export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) throw new ApiError(415, 'unsupported-media-type', 'send the body as application/json');
  let raw: unknown;
  try { raw = await c.req.json(); } catch { throw new ApiError(400, 'bad-request', 'the body is not valid JSON'); }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, 'bad-request', 'invalid request body', issuesOf(parsed.error, 'body'));
  return parsed.data;
}

/** A page of results with what a client needs to fetch the next one. */
export function paged<T>(items: T[], total: number, page: { limit: number; offset: number }) {
  const next = page.offset + items.length < total && items.length > 0 ? page.offset + items.length : null;
  return { items, total, limit: page.limit, offset: page.offset, next };
}
