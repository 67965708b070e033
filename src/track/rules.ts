// Watch rules ("any MOBILIZE or AID from PRK to RUS"): parsing from YAML and matching new events into alerts.
import { parse as parseYaml } from 'yaml';
import type { TrackEvent } from './forecasts.js';
import { eventMatcher, type EventQuery } from './query.js';
import { parseQuery, ProblemError } from './problems.js';

export interface WatchRule { name: string; query: EventQuery }

export interface Alert {
  rule: string;
  eventId: string;
  docId: string;
  docDate: string;
  type: string;
  status: TrackEvent['status'];
  source: string[];
  target: string[];
  text?: string;
}

/** Parses a YAML (or JSON) list of rules `- {name, query: {...}}`; errors name the file and the rule. */
export function parseRules(text: string, fileName: string): WatchRule[] {
  let raw: unknown;
  try { raw = parseYaml(text); } catch (err) {
    throw new ProblemError(`${fileName}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const list = raw && typeof raw === 'object' && !Array.isArray(raw) && 'rules' in raw ? (raw as { rules: unknown }).rules : raw;
  if (!Array.isArray(list) || !list.length) throw new ProblemError(`${fileName}: expected a list of rules (or a mapping with "rules:")`);
  return list.map((r, k) => {
    if (!r || typeof r !== 'object' || typeof (r as { name?: unknown }).name !== 'string') throw new ProblemError(`${fileName}: rules[${k}] needs a "name"`);
    const rule = r as { name: string; query?: unknown };
    return { name: rule.name, query: parseQuery(rule.query ?? {}, `${fileName}: rules[${k}].query`) };
  });
}

/** Alerts for events not seen before that match a rule; `seen` holds event ids already alerted on and is updated. */
export function matchRules(rules: WatchRule[], events: TrackEvent[], seen: Set<string>): Alert[] {
  const matchers = rules.map((r) => ({ name: r.name, test: eventMatcher(r.query) }));
  const alerts: Alert[] = [];
  for (const e of events) {
    if (seen.has(e.id)) continue;
    for (const m of matchers) {
      if (!m.test(e)) continue;
      const alert: Alert = { rule: m.name, eventId: e.id, docId: e.docId, docDate: e.docDate, type: e.type, status: e.status, source: e.sourceCodes, target: e.targetCodes };
      if (e.sentence) alert.text = e.sentence.text;
      alerts.push(alert);
    }
    seen.add(e.id);
  }
  return alerts;
}
