// HTML articles: main text, title, byline and publication date (meta tags, JSON-LD, <time>), with Readability over linkedom.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toIsoDate } from '../../core/ids.js';
import { htmlNodeText } from './html-text.js';
import { ReadError, type SourceDocument } from './types.js';

type Doc = ReturnType<typeof parseHTML>['document'];

/** The calendar day of a date string as written ("2024-06-12T23:30:00-05:00" is the 12th), else as parsed. */
export function dayOf(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const s = value.trim();
  const written = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  if (written) return toIsoDate(written[1]) ?? undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

const DATE_META = [
  'meta[property="article:published_time"]', 'meta[name="article:published_time"]', 'meta[itemprop="datePublished"]',
  'meta[property="og:published_time"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]', 'meta[name="DC.date.issued"]',
];

/** Every datePublished in JSON-LD blocks, walking arrays and @graph. */
function jsonLdDates(document: Doc): string[] {
  const found: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.datePublished === 'string') found.push(o.datePublished);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // a malformed JSON-LD block says nothing about the date; the other sources still may
    }
  }
  return found;
}

/** The publication day a page declares: meta tags first, then JSON-LD, then a <time> element. */
export function publishedDay(document: Doc): string | undefined {
  for (const selector of DATE_META) {
    const day = dayOf(document.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  for (const d of jsonLdDates(document)) {
    const day = dayOf(d);
    if (day) return day;
  }
  const time = document.querySelector('time[itemprop="datePublished"], time[pubdate], article time[datetime], time[datetime]');
  return dayOf(time?.getAttribute('datetime'));
}

const metaContent = (document: Doc, selector: string): string | undefined => document.querySelector(selector)?.getAttribute('content')?.trim() || undefined;

export function readHtml(html: string, name: string, url?: string): SourceDocument {
  const { document } = parseHTML(html);
  if (!document.documentElement) throw new ReadError('not an HTML document');
  const published = publishedDay(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(document, 'meta[property="og:url"]');
  const siteName = metaContent(document, 'meta[property="og:site_name"]');
  const pageTitle = metaContent(document, 'meta[property="og:title"]') ?? (document.title?.trim() || undefined);
  const author = metaContent(document, 'meta[name="author"]');
  // Readability rewrites the tree it reads, so it runs after every lookup above
  const article = new Readability(document as unknown as globalThis.Document).parse();
  let text = '';
  if (article?.content) text = htmlNodeText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body);
  if (!text.trim()) text = htmlNodeText(parseHTML(html).document.body ?? document);
  if (!text.trim()) throw new ReadError('the page has no readable text');
  const title = article?.title?.trim() || pageTitle;
  const byline = article?.byline?.trim() || author;
  const source = siteName ?? (article?.siteName?.trim() || undefined);
  return {
    name,
    text,
    meta: {
      ...(title ? { title } : {}),
      ...(published ? { published } : {}),
      ...(source ? { source } : {}),
      ...(url || canonical ? { url: url ?? canonical } : {}),
      ...(byline ? { byline } : {}),
      externalId: name,
    },
  };
}
