// Compares tracked forecasts with a storyline file's recorded outcomes (which forecasts later came true).
import { asOutcome, type TrackedForecast } from './forecasts.js';

export interface StorylineResolution {
  forecast: { doc: string; evidence: string };
  outcome: 'confirmed' | 'refuted' | 'open';
  by: string | null;
  on: string | null;
  forecastOptional?: boolean;
}
export interface Storyline { storyline: string; articles: string[]; resolutions: StorylineResolution[] }

export interface StorylineCheck {
  doc: string;
  evidence: string;
  expected: StorylineResolution['outcome'];
  /** null when no tracked forecast carries this evidence */
  got: StorylineResolution['outcome'] | null;
  forecastId?: string;
  /** for a confirmation or refutation, whether the cited document is among the proposal's evidence */
  citesExpectedDoc?: boolean;
  optional: boolean;
}

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Finds, for each recorded resolution, the forecast whose source sentence holds its evidence, and compares outcomes. */
export function checkStorylines(storylines: Storyline[], forecasts: TrackedForecast[], nameOf: (docId: string) => string = (id) => id): StorylineCheck[] {
  const checks: StorylineCheck[] = [];
  for (const s of storylines) for (const r of s.resolutions) {
    const evidence = fold(r.forecast.evidence);
    const f = forecasts.find((x) => x.sources.some((src) => nameOf(src.docId) === r.forecast.doc && (fold(src.text ?? '').includes(evidence) || overlap(fold(src.text ?? ''), evidence) >= 0.6)));
    const check: StorylineCheck = { doc: r.forecast.doc, evidence: r.forecast.evidence, expected: r.outcome, got: f ? asOutcome(f.state) : null, optional: !!r.forecastOptional };
    if (f) {
      check.forecastId = f.id;
      if (r.by && r.outcome !== 'open') check.citesExpectedDoc = (f.proposal?.evidence ?? []).some((e) => nameOf(e.docId) === r.by) || (f.resolution?.evidenceDoc !== undefined && nameOf(f.resolution.evidenceDoc) === r.by);
    }
    checks.push(check);
  }
  return checks;
}

/** Share of the evidence's words found in the sentence. */
function overlap(sentence: string, evidence: string): number {
  const words = new Set(sentence.split(' '));
  const ev = evidence.split(' ');
  return ev.filter((w) => words.has(w)).length / ev.length;
}

/** Agreement over the non-optional resolutions (a forecast not found counts as a disagreement). */
export function agreement(checks: StorylineCheck[]): { agree: number; total: number; found: number } {
  const required = checks.filter((c) => !c.optional);
  return { agree: required.filter((c) => c.got === c.expected).length, total: required.length, found: required.filter((c) => c.got !== null).length };
}
