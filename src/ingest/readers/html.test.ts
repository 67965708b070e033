// HTML articles: main text without the page furniture, title, byline, and the publication date from each place pages keep it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { dayOf, publishedDay, readHtml } from './html.js';

const BODY = `<p>Kenya will send food and medical supplies to Somalia next week, the foreign minister announced in Nairobi.</p>
<p>The government said the convoy may include 40 trucks &amp; two aircraft. Aid agencies welcomed the decision, saying the need was urgent after the floods.</p>
<p>Officials in Mogadishu said the supplies would be distributed in the southern regions, where thousands of families have been displaced since March.</p>`;

const page = (head: string, body = BODY) => `<!doctype html><html><head><title>Kenya pledges aid | Example Wire</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Kenya pledges aid to Somalia</h1>
<p class="byline">By Jane Doe</p>${body}</article><footer>Copyright Example Wire. All rights reserved.</footer>
<script>var tracking = "do not read me";</script></body></html>`;

const doc = (html: string) => parseHTML(html).document;

test('the date comes from article:published_time', () => {
  assert.equal(publishedDay(doc(page('<meta property="article:published_time" content="2024-03-05T09:00:00+03:00">'))), '2024-03-05');
});

test('the date comes from JSON-LD datePublished, also inside @graph', () => {
  assert.equal(publishedDay(doc(page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-06"}</script>'))), '2024-03-06');
  const graph = '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2024-03-07T10:00:00Z"}]}</script>';
  assert.equal(publishedDay(doc(page(graph))), '2024-03-07');
});

test('a malformed JSON-LD block does not hide a later source of the date', () => {
  assert.equal(publishedDay(doc(page('<script type="application/ld+json">{oops</script>', `<time datetime="2024-03-08">8 March</time>${BODY}`))), '2024-03-08');
});

test('the date comes from a <time> element when the head has none', () => {
  assert.equal(publishedDay(doc(page('', `<time datetime="2024-03-09T12:00:00Z">9 March</time>${BODY}`))), '2024-03-09');
  assert.equal(publishedDay(doc(page(''))), undefined);
});

test('dates are read as written, and nonsense is no date', () => {
  assert.equal(dayOf('2024-06-12T23:30:00-05:00'), '2024-06-12');
  assert.equal(dayOf('Wed, 12 Jun 2024 10:00:00 GMT'), '2024-06-12');
  assert.equal(dayOf('2024-02-30'), undefined);
  assert.equal(dayOf('soon'), undefined);
});

test('readHtml keeps the article text in paragraphs and drops navigation, footer and scripts', () => {
  const d = readHtml(page('<meta property="article:published_time" content="2024-03-05"><meta property="og:site_name" content="Example Wire">'), 'kenya.html');
  assert.match(d.text, /^Kenya will send food/m);
  assert.match(d.text, /40 trucks & two aircraft/);
  assert.match(d.text, /decision, saying/);
  assert.ok(d.text.includes('\n\n'), 'paragraphs are kept apart');
  assert.doesNotMatch(d.text, /tracking|All rights reserved|Home/);
  assert.equal(d.meta.published, '2024-03-05');
  assert.equal(d.meta.source, 'Example Wire');
  assert.match(d.meta.title ?? '', /Kenya pledges aid/);
  assert.equal(d.meta.byline, 'By Jane Doe');
});

test('a page with no text is refused by name', () => {
  assert.throws(() => readHtml('<html><head><title>x</title></head><body><script>1</script></body></html>', 'empty.html'), /no readable text/);
});
