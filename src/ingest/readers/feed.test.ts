// Feeds: RSS 2.0 and Atom items with dates and links; a broken feed or a non-feed is refused with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFeed } from './feed.js';
import type { SourceDocument } from './types.js';

export const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Example Wire &amp; Co</title>
<item><title>Poland moves troops</title><link>https://news.example/poland</link><guid>urn:poland</guid>
<pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate><dc:creator>Anna Nowak</dc:creator><description><![CDATA[<p>Poland sent 2,000 soldiers to its border with Belarus on Monday.</p><p>The deployment follows weeks of tension.</p>]]></description></item>
<item><title>Empty one</title><link>https://news.example/empty</link></item>
<item><title>Kenya pledges aid</title><link>https://news.example/kenya</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<content:encoded>&lt;p&gt;Kenya will send food to Somalia next week.&lt;/p&gt;</content:encoded><description>short</description></item>
</channel></rss>`;

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title type="html">Talks end</title><id>tag:atom.example,2024:1</id>
<link rel="alternate" href="https://atom.example/talks"/><link rel="edit" href="https://atom.example/edit/1"/>
<published>2024-03-06T10:00:00Z</published><author><name>Luis Soto</name></author><summary>Negotiators from Chile and Peru met in Lima on Wednesday.</summary></entry>
</feed>`;

const docs = (items: ReturnType<typeof readFeed>) => items.filter((i): i is { doc: SourceDocument } => 'doc' in i).map((i) => i.doc);

test('RSS items become documents with title, link, date, guid and the channel as source', () => {
  const items = readFeed(RSS, 'wire.xml');
  assert.equal(items.length, 3);
  const [poland, kenya] = docs(items);
  assert.equal(poland.meta.title, 'Poland moves troops');
  assert.equal(poland.meta.url, 'https://news.example/poland');
  assert.equal(poland.meta.published, '2024-03-04');
  assert.equal(poland.meta.externalId, 'urn:poland');
  assert.equal(poland.meta.source, 'Example Wire & Co');
  assert.equal(poland.meta.byline, 'Anna Nowak');
  assert.equal(kenya.meta.byline, undefined);
  assert.equal(poland.text, 'Poland sent 2,000 soldiers to its border with Belarus on Monday.\n\nThe deployment follows weeks of tension.');
  assert.equal(kenya.text, 'Kenya will send food to Somalia next week.', 'content:encoded is preferred to the description');
});

test('an item without text is a named failure, not a stop', () => {
  const failures = readFeed(RSS, 'wire.xml').filter((i) => 'failure' in i);
  assert.deepEqual(failures, [{ failure: { name: 'wire.xml#2 (Empty one)', reason: 'the item has no text' } }]);
});

test('Atom entries use the alternate link and the published date', () => {
  const [talks] = docs(readFeed(ATOM, 'atom.xml'));
  assert.equal(talks.meta.url, 'https://atom.example/talks');
  assert.equal(talks.meta.byline, 'Luis Soto');
  assert.equal(talks.meta.published, '2024-03-06');
  assert.equal(talks.meta.source, 'Atom Wire');
  assert.equal(talks.meta.title, 'Talks end');
  assert.match(talks.text, /^Negotiators from Chile/);
});

test('a broken feed is refused with the parser\'s reason and line', () => {
  assert.throws(() => readFeed('<rss><channel><item><title>x</title></channel></rss>', 'broken.xml'), /broken feed: .*line \d+/);
});

test('well-formed XML that is not a feed is refused', () => {
  assert.throws(() => readFeed('<?xml version="1.0"?><svg><rect/></svg>', 'picture.xml'), /not an RSS or Atom feed/);
});
