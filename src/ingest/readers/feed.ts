// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item, with its title, link, date and text (HTML in items made plain).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { dayOf } from './html.js';
import { htmlNodeText } from './html-text.js';
import { ReadError, type SourceItem } from './types.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // feeds use HTML named entities (&nbsp; &eacute;) in titles as often as XML's five
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category'].includes(name),
});

type Node = Record<string, unknown>;

/** The text of a value that may be a string, a number, or an element with attributes and #text. */
function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') return textOf((v as Node)['#text']);
  return '';
}

/** Feed text is often HTML (escaped or in CDATA); plain text passes through unchanged. */
function plain(s: string): string {
  if (!/[<&]/.test(s)) return s.trim();
  return htmlNodeText(parseHTML(`<!doctype html><html><body>${s}</body></html>`).document.body);
}

function atomLink(links: unknown): string | undefined {
  const list = (Array.isArray(links) ? links : [links]).filter(Boolean) as (Node | string)[];
  const href = (l: Node | string) => (typeof l === 'string' ? l : (l['@_href'] as string | undefined));
  const alternate = list.find((l) => typeof l !== 'string' && (l['@_rel'] === undefined || l['@_rel'] === 'alternate'));
  return (alternate && href(alternate)) || (list[0] && href(list[0])) || undefined;
}

interface FeedEntry { title: string; link?: string; id?: string; date?: string; text: string; author?: string }

function rssEntry(item: Node): FeedEntry {
  return {
    title: plain(textOf(item.title)),
    link: textOf(item.link) || undefined,
    id: textOf(item.guid) || undefined,
    date: textOf(item.pubDate) || textOf(item['dc:date']) || undefined,
    text: plain(textOf(item['content:encoded']) || textOf(item.description)),
    author: plain(textOf(item['dc:creator']) || textOf(item.author)) || undefined,
  };
}

function atomEntry(entry: Node): FeedEntry {
  return {
    title: plain(textOf(entry.title)),
    link: atomLink(entry.link),
    id: textOf(entry.id) || undefined,
    date: textOf(entry.published) || textOf(entry.updated) || undefined,
    text: plain(textOf(entry.content) || textOf(entry.summary)),
    author: plain(textOf((entry.author as Node | undefined)?.name)) || undefined,
  };
}

/** The validator reports a truncated document as a JSON list of the elements left open; say it in words. */
function validatorMessage(msg: string): string {
  const open = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(msg);
  if (!open) return msg;
  try {
    return `unclosed <${(JSON.parse(open[1]) as string[]).join('>, <')}> (truncated?)`;
  } catch {
    return msg.replace(/\s+/g, ' ');
  }
}

/** The items of a feed; a broken or non-feed document is a ReadError, an item without text a named failure. */
export function readFeed(xml: string, name: string): SourceItem[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new ReadError(`broken feed: ${validatorMessage(valid.err.msg)} (line ${valid.err.line})`);
  const root = parser.parse(xml) as Node;
  const rss = root.rss as Node | undefined, rdf = root['rdf:RDF'] as Node | undefined, atom = root.feed as Node | undefined;
  let channelTitle = '', entries: FeedEntry[];
  if (rss?.channel) {
    const channel = rss.channel as Node;
    channelTitle = plain(textOf(channel.title));
    entries = ((channel.item as Node[] | undefined) ?? []).map(rssEntry);
  } else if (rdf) {
    channelTitle = plain(textOf((rdf.channel as Node | undefined)?.title));
    entries = ((rdf.item as Node[] | undefined) ?? []).map(rssEntry);
  } else if (atom) {
    channelTitle = plain(textOf(atom.title));
    entries = ((atom.entry as Node[] | undefined) ?? []).map(atomEntry);
  } else {
    throw new ReadError('not an RSS or Atom feed');
  }
  return entries.map((e, i): SourceItem => {
    const itemName = `${name}#${i + 1}${e.title ? ` (${e.title.slice(0, 60)})` : ''}`;
    if (!e.text) return { failure: { name: itemName, reason: 'the item has no text' } };
    const published = dayOf(e.date);
    return {
      doc: {
        name: itemName,
        text: e.text,
        meta: {
          externalId: e.id ?? e.link ?? itemName,
          ...(e.title ? { title: e.title } : {}),
          ...(published ? { published } : {}),
          ...(channelTitle ? { source: channelTitle } : {}),
          ...(e.link ? { url: e.link } : {}),
          ...(e.author ? { byline: e.author } : {}),
        },
      },
    };
  });
}
