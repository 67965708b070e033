// Tests for the whole extractor: properties every record must have for any text (spans, ids, determinism), and bad input refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ExtractionRecord, Span } from '../core/record.js';
import { loadModel } from './model/load.js';
import { normaliseText } from './01-text.js';
import { DEFAULT_MAX_CHARS, InputError, checkText, extract } from './pipeline.js';

const model = loadModel();

// ---------- properties over generated news-like text ----------

const actorWords = ['North Korea', 'North Korean', 'Russia', 'Russian', 'Ukraine', "Ukraine's", 'South Korea', 'Seoul', 'Pyongyang', 'Moscow',
  'the United States', 'US', 'China', 'Iran', 'Israel', 'the Houthis', 'Hamas', 'NATO', 'the UN Security Council', 'the EU', 'the NIS',
  'Kim Jong Un', 'President Putin', 'Defence Minister', 'soldiers', 'troops', 'lawmakers', 'officials', 'the military', 'rebels',
  'gunmen', 'the ministry', 'the government', 'it', 'they', 'he', 'its'];
const verbWords = ['sent', 'send', 'attacked', 'may deploy', 'will deploy', 'deployed', 'could send', 'is expected to', 'plans to', 'warned',
  'said', 'denied', 'did not', 'if', 'would', 'agreed', 'met', 'condemned', 'demanded', 'threatened', 'sanctioned', 'supplied', 'withdrew',
  'fired', 'killed', 'arrested', 'protested', 'accused', 'rejected', 'according to', 'likely', 'almost certainly', 'unlikely to', 'may'];
const detailWords = ['several thousand', 'thousands of', 'hundreds', 'dozens of', 'a few', 'about 10,000', 'up to 12,000', '3,000', '1.5 million',
  'shells', 'missiles', 'artillery', 'as early as July or August', 'in the coming months', 'by the end of the year', 'next week', 'on Monday',
  'in 2025', 'last year', 'in Ukraine', 'to Kursk', 'near the border', 'in the Red Sea'];
const glue = ['the', 'a', 'and', 'to', 'of', 'in', 'that', 'not', 'with', 'on', 'for', 'by', 'as', 'an'];
const punctuation = ['.', ',', ';', ':', '!', '?', '"', '“', '”', "'", '’', '(', ')', '-', '—', '...', '\n', '\n\n', '\t'];
const oddPieces = ['é', 'ü', 'Ж', '中', '🚀', '\u200b', '\u00a0', 'U.S.', 'e.g.', 'Mr.', '10%', '$5bn', '#tag', '@user', 'http://x.co/a?b=1'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...actorWords) },
  { weight: 4, arbitrary: fc.constantFrom(...verbWords) },
  { weight: 3, arbitrary: fc.constantFrom(...detailWords) },
  { weight: 3, arbitrary: fc.constantFrom(...glue) },
  { weight: 3, arbitrary: fc.constantFrom(...punctuation) },
  { weight: 1, arbitrary: fc.constantFrom(...oddPieces) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100000 }).map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '  ', '\r\n');
/** A sentence-ish run of pieces, always with some English function words so that it counts as English. */
const newsText = fc.array(fc.tuple(piece, separator), { minLength: 1, maxLength: 60 })
  .map((parts) => 'The army said that ' + parts.map(([p, s]) => p + s).join('') + ' and the troops of the state.');
const published = fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/**
 * Every place in a record where a span claims some text; checked for bounds in the caller's text, for no white
 * space at either end, and for slice === the text given. Text fields are cut from the normalised text (control characters as spaces), which
 * has the same length, so spans index both.
 */
function spanProblems(input: string, rec: ExtractionRecord): string[] {
  const problems: string[] = [];
  const text = normaliseText(input);
  if (text.length !== input.length) problems.push(`normalising changed the length from ${input.length} to ${text.length}: spans no longer index the caller's text`);
  const inside = (what: string, span: unknown) => {
    const ok = Array.isArray(span) && span.length === 2 && Number.isInteger(span[0]) && Number.isInteger(span[1]) && 0 <= span[0] && span[0] < span[1] && span[1] <= text.length;
    if (!ok) problems.push(`${what}: span ${JSON.stringify(span)} outside the text (length ${text.length})`);
    else if (/^\s|\s$/.test(text.slice(span[0], span[1]))) problems.push(`${what}: span ${JSON.stringify(span)} is ${JSON.stringify(text.slice(span[0], span[1]))}, with white space at an end`);
    return ok;
  };
  const same = (what: string, span: Span | undefined, claimed: string | undefined) => {
    if (span === undefined || !inside(what, span)) return;
    if (claimed !== undefined && text.slice(span[0], span[1]) !== claimed) problems.push(`${what}: span ${JSON.stringify(span)} is ${JSON.stringify(text.slice(span[0], span[1]))}, text says ${JSON.stringify(claimed)}`);
  };
  for (const a of rec.actors) {
    if (!a.mentions.length) problems.push(`actor ${a.id} has no mention`);
    a.mentions.forEach((m, k) => inside(`actor ${a.id} mention ${k}`, m));
    if (a.mentions.length && !a.mentions.some(([s, e]) => text.slice(s, e) === a.text)) problems.push(`actor ${a.id}: text ${JSON.stringify(a.text)} is none of its mentions`);
  }
  for (const e of rec.events) {
    same(`event ${e.id} trigger`, e.trigger.span, e.trigger.text);
    if (inside(`event ${e.id} sentence`, e.sentence.span)) {
      const [s, end] = e.sentence.span;
      if (e.trigger.span[0] < s || e.trigger.span[1] > end) problems.push(`event ${e.id}: trigger ${JSON.stringify(e.trigger.span)} outside its sentence ${JSON.stringify(e.sentence.span)}`);
    }
    same(`event ${e.id} when`, e.when?.span, e.when?.text);
    same(`event ${e.id} where`, e.where?.span, e.where?.text);
    same(`event ${e.id} magnitude`, e.magnitude?.span, e.magnitude?.text);
    same(`event ${e.id} attribution`, e.attribution?.span, e.attribution?.text ?? e.attribution?.cue);
    same(`event ${e.id} likelihood`, e.likelihood?.span, e.likelihood?.cue);
  }
  return problems;
}

function idProblems(rec: ExtractionRecord): string[] {
  const problems: string[] = [];
  const actorIds = new Set(rec.actors.map((a) => a.id));
  if (actorIds.size !== rec.actors.length) problems.push('actor ids repeat');
  const eventIds = new Set(rec.events.map((e) => e.id));
  if (eventIds.size !== rec.events.length) problems.push('event ids repeat');
  for (const e of rec.events) {
    for (const id of [...e.source, ...e.target, ...(e.attribution?.actor ? [e.attribution.actor] : [])]) {
      if (!actorIds.has(id)) problems.push(`event ${e.id} names actor ${id}, which is not in actors`);
    }
    if (e.likelihood && !(e.likelihood.p >= 0 && e.likelihood.p <= 1)) problems.push(`event ${e.id}: likelihood p ${e.likelihood.p} outside 0..1`);
    if (e.magnitude && !(e.magnitude.min <= e.magnitude.max)) problems.push(`event ${e.id}: magnitude min > max`);
    if (e.when && !(e.when.start <= e.when.end)) problems.push(`event ${e.id}: when starts after it ends`);
    if (!(e.confidence >= 0 && e.confidence <= 1)) problems.push(`event ${e.id}: confidence ${e.confidence} outside 0..1`);
  }
  return problems;
}

/** Extracts, letting only InputError through: anything else thrown is a bug the property reports. */
function extractOrRefuse(text: string, day: string): ExtractionRecord | undefined {
  try {
    return extract({ id: 'p', text, published: day }, model);
  } catch (err) {
    if (err instanceof InputError) return undefined;
    throw err;
  }
}

/** Checks a property and, when it fails, names the shrunk counterexample and what is wrong with its record (or what it threw). */
function holds<T extends unknown[]>(args: { [K in keyof T]: fc.Arbitrary<T[K]> }, problemsOf: (...values: T) => string[], numRuns: number): void {
  const outcome = fc.check(fc.property(...(args as unknown as [fc.Arbitrary<unknown>]), (...values: unknown[]) => problemsOf(...(values as T)).length === 0), { numRuns });
  if (!outcome.failed) return;
  const example = outcome.counterexample as unknown as T;
  let found: string[];
  try {
    found = problemsOf(...example);
  } catch (err) {
    found = [`threw ${err instanceof Error ? err.stack : String(err)}`];
  }
  assert.fail(`for ${JSON.stringify(example)} (seed ${outcome.seed}):\n  ${found.join('\n  ')}`);
}

test('property: every span lies inside the text and slices to the text the record gives', () => {
  holds([newsText, published], (text: string, day: string) => {
    const rec = extractOrRefuse(text, day);
    return rec ? spanProblems(text, rec) : [];
  }, 300);
});

test('property: events name only actors in the record, ids are unique, values in range', () => {
  holds([newsText, published], (text: string, day: string) => {
    const rec = extractOrRefuse(text, day);
    return rec ? idProblems(rec) : [];
  }, 300);
});

test('property: the same input gives the same record', () => {
  holds([newsText, published], (text: string, day: string) => {
    const first = JSON.stringify(extractOrRefuse(text, day)), second = JSON.stringify(extractOrRefuse(text, day));
    return first === second ? [] : [`first ${first}`, `second ${second}`];
  }, 100);
});

test('property: arbitrary strings either extract or are refused with an InputError, never anything else', () => {
  const anyText = fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 300, unit: 'grapheme' }), fc.string({ maxLength: 300 }), newsText.map((t) => t.replace(/ /g, '')));
  holds([anyText], (text: string) => {
    const rec = extractOrRefuse(text, '2024-06-20');
    return rec ? [...spanProblems(text, rec), ...idProblems(rec)] : [];
  }, 300);
});

test('the property checker itself catches a bad span (so a pass means something)', () => {
  const rec = extract({ id: 'x', text: 'Russia attacked Ukraine.', published: '2024-06-20' }, model);
  const broken: ExtractionRecord = { ...rec, actors: [{ id: 'a1', text: 'Russia', mentions: [[1, 7]], kind: 'state', code: 'RUS' }], events: [] };
  assert.deepEqual(spanProblems('Russia attacked Ukraine.', broken), ['actor a1 mention 0: span [1,7] is "ussia ", with white space at an end', 'actor a1: text "Russia" is none of its mentions']);
  const dangling: ExtractionRecord = { ...broken, events: [{ id: 'e1', type: 'ASSAULT', context: [], source: ['a7'], target: [], status: 'asserted', trigger: { text: 'attacked', span: [7, 15] }, sentence: { index: 0, span: [0, 24] }, confidence: 0.5 }] };
  assert.deepEqual(idProblems(dangling), ['event e1 names actor a7, which is not in actors']);
});

// ---------- bad input, refused by name ----------

function refusal(text: string, maxChars?: number): string | undefined {
  try {
    checkText(text, maxChars);
    return undefined;
  } catch (err) {
    assert.ok(err instanceof InputError);
    return err.code;
  }
}

const englishParagraph = 'North Korea may deploy several thousand troops to Ukraine as early as July or August, the National Intelligence Service told lawmakers on Thursday. ' +
  'The agency said it was watching for signs that the soldiers were being trained for the front, and that Pyongyang had already sent shells and missiles to Russia.';

test('ordinary English passes, including a short sentence, a headline, a stray long URL and a few undecodable characters', () => {
  assert.equal(refusal(englishParagraph), undefined);
  assert.equal(refusal('Troops moved.'), undefined);
  assert.equal(refusal('RUSSIA, CHINA HOLD NAVAL DRILLS'), undefined);
  assert.equal(refusal(`${englishParagraph.repeat(3)} See https://example.org/${'a'.repeat(400)} for more.`), undefined);
  assert.equal(refusal(`${englishParagraph} Caf\ufffd.`), undefined);
  assert.equal(refusal('Casualty figures, 2024: 1,204; 2023: 987.'), undefined);
});

test('empty and whitespace-only text is "empty"', () => {
  assert.equal(refusal(''), 'empty');
  assert.equal(refusal(' \n\t\r\n '), 'empty');
});

test('binary data is "binary"; text decoded from invalid UTF-8 is "bad-encoding"', () => {
  assert.equal(refusal(String.fromCharCode(...Array.from({ length: 600 }, (_, i) => (i * 31) % 256))), 'binary');
  assert.equal(refusal('PNG\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001'), 'binary');
  assert.equal(refusal(englishParagraph.replace(/[éa]/g, '\ufffd')), 'bad-encoding');
});

test('text over the limit is "too-large", checked before any scanning', () => {
  assert.equal(refusal('word '.repeat(100), 50), 'too-large');
  assert.ok(DEFAULT_MAX_CHARS >= 1_000_000, 'a long report must fit');
});

test('a megabyte without spaces is "not-prose", and is refused fast', () => {
  const started = performance.now();
  assert.equal(refusal('x'.repeat(1 << 20)), 'not-prose');
  assert.equal(refusal('QUJD'.repeat(1 << 18)), 'not-prose');
  assert.ok(performance.now() - started < 3000, 'a quadratic step would take minutes');
});

test('non-English text is "not-english", in other scripts and in Latin script', () => {
  assert.equal(refusal('Владимир Путин заявил, что Россия направит войска в регион в ближайшие месяцы, сообщает агентство.'), 'not-english');
  assert.equal(refusal('中国外交部发言人周二表示，中方将继续与俄罗斯加强战略协作，共同维护地区和平稳定。'), 'not-english');
  assert.equal(refusal('Le président de la République a annoncé mardi que les troupes françaises seraient retirées du Sahel dans les prochains mois, selon un communiqué publié par le ministère des Armées. Cette décision intervient après plusieurs semaines de tensions avec les autorités locales.'), 'not-english');
  assert.equal(refusal('El gobierno de Venezuela anunció el martes que enviará tropas a la frontera con Colombia, según un comunicado del Ministerio de Defensa. La decisión se produce tras varias semanas de tensiones entre ambos países por el control de los pasos fronterizos.'), 'not-english');
});

test('extract refuses a missing text and a malformed date by name', () => {
  assert.throws(() => extract({ id: 'x', text: undefined as unknown as string }, model), (err: unknown) => err instanceof InputError && err.code === 'bad-input');
  assert.throws(() => extract({ id: 'x', text: 'Troops moved.', published: '2024-02-30' }, model), (err: unknown) => err instanceof InputError && err.code === 'bad-date' && /2024-02-30/.test(err.message));
});

test('a long document with a very long run of letters among its words still extracts quickly', () => {
  const text = `${englishParagraph} ${'z'.repeat(20_000)} ${englishParagraph.repeat(200)}`;
  const started = performance.now();
  const rec = extract({ id: 'long', text, published: '2024-06-20' }, model);
  assert.ok(performance.now() - started < 10_000, 'a quadratic step would take minutes');
  assert.deepEqual(spanProblems(text, rec), []);
});

test('work grows linearly with document length: four times the text costs under six times as much', () => {
  const paragraph = 'North Korea may send several thousand troops to Russia as early as July, the NIS said on Monday. Officials in Seoul warned that the deployment could begin within weeks.\n\n';
  // CPU time, best of three after a warm-up at both sizes, so that compilation and other work on the machine matter less
  const cost = (n: number) => Math.min(...[0, 1, 2].map(() => {
    const before = process.cpuUsage();
    extract({ id: `n${n}`, text: paragraph.repeat(n), published: '2024-06-20' }, model);
    const used = process.cpuUsage(before);
    return used.user + used.system;
  }));
  cost(300);
  cost(1200);
  const ratio = cost(1200) / cost(300);
  assert.ok(ratio < 6, `1,200 paragraphs cost ${ratio.toFixed(1)} times as much as 300: some stage is quadratic in document length`);
});

test('a state named only as the modifier of what an event acts on becomes its target and an actor; otherwise it stays out', () => {
  const dyads = (text: string) => {
    const rec = extract({ text, published: '2025-03-01' }, model);
    const code = (id: string) => rec.actors.find((a) => a.id === id)?.code;
    return { events: rec.events.map((e) => `${e.type} ${e.source.map(code)}->${(e.target ?? []).map(code)}`), codes: rec.actors.map((a) => a.code) };
  };
  assert.deepEqual(dyads('Two Russian bombers entered Norwegian airspace on Monday.').events, ['MOBILIZE RUS->NOR']);
  assert.ok(dyads('Two Russian bombers entered Norwegian airspace on Monday.').codes.includes('NOR'));
  assert.ok(!dyads('Norwegian airspace was quiet on Monday.').codes.includes('NOR'));
  // a modifier is no recipient that a row requires: troops sent to a place are not given to its state
  assert.ok(!dyads('Minsk sent troops to Lithuanian border areas.').events.some((e) => e.endsWith('->LTU')));
});

test('spans stay on their words after spaces the tokenizer does not count (an ideographic space)', () => {
  const text = 'The army said that \u3000 North Korea sent troops to Russia.';
  const rec = extract({ id: 'w', text, published: '2024-06-20' }, model);
  assert.deepEqual(spanProblems(text, rec), []);
  assert.ok(rec.actors.some((a) => a.mentions.some(([s, e]) => text.slice(s, e) === 'North Korea')));
});
