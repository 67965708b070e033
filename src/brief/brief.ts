// The analyst's brief: key developments, forecasts, indicator changes and busy dyads, written as prose with a cited source per statement.
import { codeName } from '../core/countries.js';
import type { Evidence, TrackedForecast } from '../track/forecasts.js';
import type { ProblemStatus } from '../track/problems.js';
import type { DyadSeries } from '../track/trends.js';

/** A development: one event cluster reported in the period, with the sentences that report it. */
export interface Development {
  type: string;
  status: string;
  sourceCodes: string[];
  targetCodes: string[];
  mentions: number;
  firstReport: string;
  lastReport: string;
  evidence: Evidence[];
}

export interface BriefInput {
  title?: string;
  since: string;
  asOf: string;
  developments: Development[];
  forecasts: TrackedForecast[];
  problems: ProblemStatus[];
  /** the same problems evaluated at `since`, to say what changed */
  problemsBefore?: ProblemStatus[];
  dyads: DyadSeries[];
}

/** Where a cited sentence can be read; the dashboard's article view by default. */
export type SourceLink = (docId: string, span?: [number, number]) => string;
export const dashboardLink: SourceLink = (docId, span) => `/#/article/${encodeURIComponent(docId)}${span ? `?span=${span[0]}-${span[1]}` : ''}`;

const VERB: Record<string, string> = {
  AGREE: 'agreed with', CONSULT: 'held talks with', SUPPORT: 'voiced support for', CONCEDE: 'made concessions to',
  COOPERATE: 'cooperated with', AID: 'gave aid to', RETREAT: 'pulled back from', REQUEST: 'made demands of',
  ACCUSE: 'accused', REJECT: 'rejected', THREATEN: 'threatened', PROTEST: 'protested against', SANCTION: 'sanctioned',
  MOBILIZE: 'mobilised forces against', COERCE: 'coerced', ASSAULT: 'attacked',
};
const FORECAST_VERB: Record<string, string> = {
  AGREE: 'agree with', CONSULT: 'hold talks with', SUPPORT: 'back', CONCEDE: 'make concessions to', COOPERATE: 'cooperate with',
  AID: 'send aid to', RETREAT: 'pull back from', REQUEST: 'make demands of', ACCUSE: 'accuse', REJECT: 'reject',
  THREATEN: 'threaten', PROTEST: 'protest against', SANCTION: 'sanction', MOBILIZE: 'deploy forces', COERCE: 'coerce', ASSAULT: 'attack',
};

/** The act without anyone acted on, for events whose target the text does not name. */
const VERB_ALONE: Record<string, string> = {
  AGREE: 'reached an agreement', CONSULT: 'held talks', SUPPORT: 'voiced support', CONCEDE: 'made concessions', COOPERATE: 'cooperated',
  AID: 'gave aid', RETREAT: 'pulled back', REQUEST: 'made demands', ACCUSE: 'made accusations', REJECT: 'refused', THREATEN: 'made threats',
  PROTEST: 'protested', SANCTION: 'imposed sanctions', MOBILIZE: 'mobilised forces', COERCE: 'used coercion', ASSAULT: 'carried out attacks',
};
const FORECAST_ALONE: Record<string, string> = {
  AGREE: 'reach an agreement', CONSULT: 'hold talks', SUPPORT: 'voice support', CONCEDE: 'make concessions', COOPERATE: 'cooperate',
  AID: 'send aid', RETREAT: 'pull back', REQUEST: 'make demands', ACCUSE: 'make accusations', REJECT: 'refuse', THREATEN: 'make threats',
  PROTEST: 'protest', SANCTION: 'impose sanctions', MOBILIZE: 'mobilise forces', COERCE: 'use coercion', ASSAULT: 'attack',
};

/** "gave aid to Russia" or, with no target, "gave aid"; for forecasts the bare infinitive. */
function actPhrase(type: string, targets: string[], forecast: boolean): string {
  if (!targets.length) return (forecast ? FORECAST_ALONE : VERB_ALONE)[type] ?? type.toLowerCase();
  const verb = (forecast ? FORECAST_VERB : VERB)[type] ?? type.toLowerCase();
  // "deploy forces" takes its target as a destination
  return type === 'MOBILIZE' && forecast ? `${verb} to ${names(targets)}` : `${verb} ${names(targets)}`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const names = (codes: string[]): string => {
  const list = codes.map(codeName);
  return list.length <= 1 ? list[0] ?? 'someone' : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
};
const pct = (p: number) => `${Math.round(p * 100)}%`;
const STATUS_PHRASE: Record<string, string> = { asserted: '', negated: 'reportedly did not ', hypothetical: 'might, under conditions, ' };

/** Collects cited sentences and numbers them as footnotes. */
class Citations {
  readonly notes: { n: number; ev: Evidence }[] = [];
  private byKey = new Map<string, number>();
  cite(ev: Evidence | undefined): number | undefined {
    if (!ev) return undefined;
    const key = `${ev.docId}:${ev.span?.join('-') ?? ''}`;
    let n = this.byKey.get(key);
    if (n === undefined) { n = this.notes.length + 1; this.byKey.set(key, n); this.notes.push({ n, ev }); }
    return n;
  }
}

interface Section { heading: string; items: { text: string; cites: number[] }[]; empty: string }

function sections(input: BriefInput, c: Citations): Section[] {
  const inPeriod = (d: string) => d >= input.since && d <= input.asOf;
  const developments: Section = { heading: 'Key developments', empty: 'No new events were reported in the period.', items: [] };
  for (const d of [...input.developments].sort((a, b) => b.mentions - a.mentions || b.lastReport.localeCompare(a.lastReport)).slice(0, 8)) {
    const act = d.status === 'asserted' ? actPhrase(d.type, d.targetCodes, false) : `${STATUS_PHRASE[d.status] ?? ''}${actPhrase(d.type, d.targetCodes, true)}`;
    const reports = d.mentions > 1 ? `, according to ${d.mentions} reports between ${d.firstReport} and ${d.lastReport}` : `, reported on ${d.firstReport}`;
    developments.items.push({ text: `${capitalise(names(d.sourceCodes))} ${act}${reports}.`, cites: d.evidence.slice(0, 2).map((e) => c.cite(e)!).filter(Boolean) });
  }
  const fresh = input.forecasts.filter((f) => inPeriod(f.issued));
  const newForecasts: Section = { heading: 'New forecasts', empty: 'No new forecasts were made in the period.', items: fresh.map((f) => ({ text: forecastSentence(f), cites: [c.cite(f.sources[0])!].filter(Boolean) })) };
  const resolvedNow = input.forecasts.filter((f) => (f.state === 'confirmed' || f.state === 'refuted' || f.state === 'expired') && resolvedOn(f) >= input.since && resolvedOn(f) <= input.asOf);
  const resolved: Section = {
    heading: 'Resolved forecasts', empty: 'No forecast was resolved in the period.',
    items: resolvedNow.map((f) => {
      const how = f.resolution && f.resolution.state !== 'open' ? `${f.resolution.state} by ${f.resolution.by} on ${f.resolution.on}${f.resolution.note ? ` (${f.resolution.note})` : ''}` : `${f.state}: ${f.proposal?.reason ?? ''}`;
      return { text: `${forecastSentence(f)} Now ${how}.`, cites: [f.sources[0], f.proposal?.evidence[0]].map((e) => c.cite(e)).filter((n): n is number => n !== undefined) };
    }),
  };
  const before = new Map((input.problemsBefore ?? []).map((p) => [p.id, p]));
  const warnings: Section = { heading: 'Warning problems', empty: 'No warning problem is defined.', items: [] };
  for (const p of input.problems) {
    const was = before.get(p.id);
    const change = !was ? '' : was.level === p.level ? ' (unchanged)' : ` (${p.score >= was.score ? 'up' : 'down'} from ${was.level})`;
    warnings.items.push({ text: `${p.title}: warning level ${p.level.toUpperCase()}${change}, score ${p.score}. ${p.reasons.slice(0, 3).join('; ')}.`, cites: [] });
    for (const ind of p.indicators) {
      const prev = was?.indicators.find((i) => i.id === ind.id);
      if (prev && prev.state !== ind.state) {
        warnings.items.push({ text: `Indicator "${ind.title}" moved from ${prev.state} to ${ind.state}.`, cites: ind.evidence.slice(-1).map((e) => c.cite(e)!).filter(Boolean) });
      }
    }
  }
  const dyads: Section = { heading: 'Busiest dyads', empty: 'No dyad was active in the period.', items: [] };
  for (const d of input.dyads.slice(0, 5)) {
    const pts = d.points.filter((p) => inPeriod(p.week) || (p.week < input.since && Date.parse(p.week) + 6 * 86_400_000 >= Date.parse(input.since)));
    const events = pts.reduce((s, p) => s + p.events, 0);
    if (!events) continue;
    const net = pts.reduce((s, p) => s + p.net, 0);
    const tone = net > 0 ? 'mostly cooperative' : net < 0 ? 'mostly conflictual' : 'mixed';
    dyads.items.push({ text: `${codeName(d.source)} → ${codeName(d.target)}: ${events} reported act${events === 1 ? '' : 's'}, ${tone} (net score ${net}).`, cites: [] });
  }
  return [developments, newForecasts, resolved, warnings, dyads];
}

function resolvedOn(f: TrackedForecast): string {
  if (f.resolution && f.resolution.state !== 'open') return f.resolution.on;
  const dates = f.proposal?.evidence.map((e) => e.docDate) ?? [];
  return dates.length ? dates.sort()[0] : f.window?.end ?? f.issued;
}

export function forecastSentence(f: TrackedForecast): string {
  const who = f.issuer ? capitalise(codeName(f.issuer)) : 'Unattributed reporting';
  const odds = f.likelihood ? ` (${f.likelihood.cue ? `"${f.likelihood.cue}", ` : ''}about ${pct(f.likelihood.p)})` : ' (no likelihood stated)';
  const size = f.magnitude ? `, on a scale of ${f.magnitude.min === f.magnitude.max ? f.magnitude.min : `${f.magnitude.min}-${f.magnitude.max}`}${f.magnitude.unit ? ` ${f.magnitude.unit}` : ''}` : '';
  const when = f.window ? ` between ${f.window.start} and ${f.window.end}${f.window.text ? ` ("${f.window.text}")` : ''}` : '';
  const act = f.mutual ? `${actPhrase(f.type, [], true)} together` : actPhrase(f.type, f.targetCodes, true);
  return `${who} expects ${names(f.mutual ? [...f.sourceCodes, ...f.targetCodes] : f.sourceCodes)} to ${act}${size}${when}${odds}.`;
}

export function briefMarkdown(input: BriefInput, link: SourceLink = dashboardLink): string {
  const c = new Citations();
  const parts = [`# ${input.title ?? 'Watch floor brief'}`, '', `Period ${input.since} to ${input.asOf}.`, ''];
  for (const s of sections(input, c)) {
    parts.push(`## ${s.heading}`, '');
    if (!s.items.length) parts.push(s.empty, '');
    for (const it of s.items) parts.push(`- ${it.text}${it.cites.map((n) => `[^${n}]`).join('')}`);
    if (s.items.length) parts.push('');
  }
  if (c.notes.length) {
    parts.push('## Sources', '');
    for (const { n, ev } of c.notes) parts.push(`[^${n}]: ${ev.docDate}, [${ev.docId}](${link(ev.docId, ev.span)}): "${(ev.text ?? '').replace(/\s+/g, ' ').trim()}"`);
    parts.push('');
  }
  return parts.join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function briefHtml(input: BriefInput, link: SourceLink = dashboardLink): string {
  const c = new Citations();
  const body: string[] = [`<h1>${escapeHtml(input.title ?? 'Watch floor brief')}</h1>`, `<p class="period">Period ${escapeHtml(input.since)} to ${escapeHtml(input.asOf)}.</p>`];
  for (const s of sections(input, c)) {
    body.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    if (!s.items.length) body.push(`<p>${escapeHtml(s.empty)}</p>`);
    else body.push('<ul>', ...s.items.map((it) => `<li>${escapeHtml(it.text)}${it.cites.map((n) => `<sup><a href="#src-${n}">${n}</a></sup>`).join('')}</li>`), '</ul>');
  }
  if (c.notes.length) {
    body.push('<h2>Sources</h2>', '<ol class="sources">');
    for (const { n, ev } of c.notes) body.push(`<li id="src-${n}">${escapeHtml(ev.docDate)}, <a href="${escapeHtml(link(ev.docId, ev.span))}">${escapeHtml(ev.docId)}</a>: “${escapeHtml((ev.text ?? '').replace(/\s+/g, ' ').trim())}”</li>`);
    body.push('</ol>');
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.title ?? 'Watch floor brief')}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}h1{font-size:1.6em}h2{font-size:1.15em;border-bottom:1px solid #ccc}sup a{text-decoration:none}.sources{font-size:.9em;color:#444}@media print{a{color:inherit}}</style>
</head><body>\n${body.join('\n')}\n</body></html>\n`;
}
