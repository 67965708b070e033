// JSON article files ({id, published, title, text, source?, url?, byline? or author?}, the gold format; or an array of them) and JSON lines of the same objects.
import { ReadError, type SourceDocument, type SourceItem } from './types.js';

const OPTIONAL_STRINGS = ['title', 'published', 'source', 'url', 'byline'] as const;

/** One article object to a document; a ReadError says what is wrong with it. */
export function articleFromObject(value: unknown, name: string): SourceDocument {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ReadError('not a JSON object');
  const o = value as Record<string, unknown>;
  if (typeof o.text !== 'string') throw new ReadError('no "text" string');
  if (!o.text.trim()) throw new ReadError('"text" is empty');
  const meta: SourceDocument['meta'] = {};
  if (o.id !== undefined && o.id !== null && o.id !== '') meta.externalId = String(o.id);
  for (const key of OPTIONAL_STRINGS) {
    const v = o[key];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') throw new ReadError(`"${key}" is not a string`);
    meta[key] = v;
  }
  if (!meta.byline && typeof o.author === 'string' && o.author.trim()) meta.byline = o.author.trim();
  return { name: meta.externalId ? `${name} (${meta.externalId})` : name, text: o.text, meta, ...(meta.externalId ? { id: meta.externalId } : {}) };
}

/** A .json file: one article object, or an array of them. */
export function readJsonArticles(json: string, name: string): SourceItem[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new ReadError(`not valid JSON (${(err as Error).message})`);
  }
  const list = Array.isArray(value) ? value : [value];
  return list.map((v, i) => {
    const itemName = Array.isArray(value) ? `${name}[${i}]` : name;
    try {
      return { doc: articleFromObject(v, itemName) };
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      return { failure: { name: itemName, reason: err.message } };
    }
  });
}

/** One line of a .jsonl file; blank lines give nothing. */
export function readJsonLine(line: string, name: string, lineNo: number): SourceItem | null {
  if (!line.trim()) return null;
  const itemName = `${name}:${lineNo}`;
  try {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ReadError('not valid JSON');
    }
    return { doc: articleFromObject(value, itemName) };
  } catch (err) {
    if (!(err instanceof ReadError)) throw err;
    return { failure: { name: itemName, reason: err.message } };
  }
}
