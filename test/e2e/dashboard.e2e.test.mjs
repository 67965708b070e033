// End-to-end: Debian's chromium (headless, through playwright-core) drives the dashboard on the demo corpus; screenshots go to artifacts/e2e/.
// Run after building the server and the dashboard: WATCHFLOOR_DIST=dist node --test test/e2e/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ARTIFACTS, HOSTILE_ARTICLE, launchChromium, startDemoServer } from './demo-server.mjs';

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  server = await startDemoServer();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
const go = async (hash, ready) => {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForSelector(ready);
  await page.waitForFunction(() => document.querySelector('main')?.getAttribute('aria-busy') === 'false');
};

test('the first view is usable within 2 seconds: warnings with levels and indicators', async () => {
  const started = Date.now();
  // the demo link carries the analyst token in the fragment; the app keeps it for the tab and cleans the address bar
  await page.goto(`${server.url}/#token=${server.analyst}`);
  await page.waitForSelector('.problem .level-name');
  const elapsed = Date.now() - started;
  fs.writeFileSync(path.join(ARTIFACTS, 'first-view.json'), JSON.stringify({ firstViewMs: elapsed }, null, 2));
  assert.ok(elapsed <= 2000, `first view took ${elapsed} ms`);
  assert.ok(!page.url().includes('token='), 'the token is dropped from the address bar');
  const levels = await page.$$eval('.problem .level-name', (els) => els.map((e) => e.textContent));
  assert.equal(levels.length, server.problems);
  assert.ok(levels.every((l) => /^(LOW|GUARDED|ELEVATED|HIGH|CRITICAL)$/.test(l)));
  await page.click('.indicator.corroborated summary');
  await page.waitForSelector('.indicator details[open] .quote');
  await page.waitForFunction(() => /analyst/.test(document.querySelector('.who')?.textContent ?? ''));
  await shot('01-warnings');
});

test('the timeline filters by status and type, and a cluster expands to its reports', async () => {
  await go('#/timeline', '.timeline-chart');
  const all = await page.$$eval('.timeline-chart circle', (els) => els.length);
  await page.selectOption('select[name=status]', 'forecast');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('status=forecast'));
  await page.waitForFunction(() => [...document.querySelectorAll('.timeline-chart circle')].every((c) => c.getAttribute('data-status') === 'forecast'));
  const forecasts = await page.$$eval('.timeline-chart circle', (els) => els.length);
  assert.ok(forecasts > 0 && forecasts < all, `${forecasts} forecast dots of ${all}`);
  await go('#/timeline?type=ASSAULT', '.timeline-chart');
  const lanes = await page.$$eval('.timeline-chart .lane-label', (els) => els.map((e) => e.textContent));
  assert.deepEqual(lanes, ['ASSAULT']);
  await go('#/timeline', '.cluster');
  await page.click('.cluster summary');
  await page.waitForSelector('.cluster[open] .mentions .quote');
  await shot('02-timeline');
});

test('an article shows its actors, triggers and forecasts highlighted, with the coding on click', async () => {
  await go('#/article/demo-006', '.article-text');
  const counts = await page.evaluate(() => ({
    actors: document.querySelectorAll('.article-text .hl-actor').length,
    triggers: document.querySelectorAll('.article-text .hl-trigger').length,
    forecasts: document.querySelectorAll('.article-text .hl-forecast').length,
  }));
  assert.ok(counts.actors > 3 && counts.triggers > 1 && counts.forecasts > 0, JSON.stringify(counts));
  await page.click('.article-text .hl-trigger');
  await page.waitForSelector('.coding dl');
  const coded = await page.$eval('.coding-panel', (el) => el.textContent);
  assert.match(coded, /type.*status.*source/s);
  await shot('03-article');
});

test('an analyst resolves a forecast and the calibration chart updates', async () => {
  await go('#/forecasts?state=open', '.forecast');
  const target = await page.$eval('.forecast[data-p]', (el) => ({ id: el.dataset.forecast, issuer: el.dataset.issuer }));
  const scoredBefore = await page.evaluate((issuer) => Number(document.querySelector(`.issuer[data-issuer="${issuer}"] .scores`)?.dataset.scored ?? 0), target.issuer);
  await shot('04-forecasts-before');
  await page.fill(`.forecast[data-forecast="${target.id}"] .resolve input`, 'did not happen in the window (e2e)');
  await page.click(`.forecast[data-forecast="${target.id}"] button[data-action=refute]`);
  await page.waitForFunction((id) => !document.querySelector(`.forecast[data-forecast="${id}"]`), target.id);
  await page.waitForFunction(({ issuer, before }) => Number(document.querySelector(`.issuer[data-issuer="${issuer}"] .scores`)?.dataset.scored ?? 0) === before + 1, { issuer: target.issuer, before: scoredBefore });
  const dots = await page.$$eval(`.issuer[data-issuer="${target.issuer}"] .band-dot`, (els) => els.length);
  assert.ok(dots > 0);
  await go('#/forecasts?state=refuted', '.forecast');
  assert.ok(await page.$(`.forecast[data-forecast="${target.id}"]`), 'the forecast is listed as refuted');
  const trail = await (await fetch(`${server.url}/api/forecasts/${target.id}/resolutions`)).json();
  assert.deepEqual(trail.items.map((r) => [r.state, r.by]), [['refuted', 'e2e-analyst']]);
  await shot('05-forecasts-after');
});

test('the network, map and brief render', async () => {
  await go('#/network', 'svg.network .node');
  assert.ok((await page.$$('svg.network .edge')).length > 5);
  await shot('06-network');
  await go('#/map', 'svg.world .place');
  assert.ok((await page.$$('svg.world .land path')).length > 150);
  await shot('07-map');
  await go('#/brief', '.brief h2');
  assert.ok((await page.$$('.brief li')).length > 3);
  await shot('08-brief');
});

test('article text with <script>, onerror= and javascript: links stays inert text in every view', async () => {
  await go(`#/article/${HOSTILE_ARTICLE.id}`, '.article-text');
  const text = await page.$eval('.article-text', (el) => el.textContent);
  assert.ok(text.includes('<script>window.__pwned=3</script>') && text.includes('href="javascript:window.__pwned=4"'));
  assert.ok((await page.$eval('.view-head h1', (el) => el.textContent)).includes('<img src=x onerror='));
  await shot('09-hostile-article');
  for (const [hash, ready] of [['#/timeline', '.timeline-chart'], ['#/brief?since=2025-10-01&until=2025-10-31', '.brief'], ['#/forecasts', '.forecast'], ['#/warnings', '.problem']]) {
    await go(hash, ready);
    const found = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
      images: document.querySelectorAll('main img').length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
      handlers: [...document.querySelectorAll('main *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    assert.deepEqual(found, { pwned: undefined, scripts: ['/app.js'], images: 0, jsLinks: 0, handlers: 0 }, hash);
  }
});

test('new events appear without a reload', async () => {
  await go('#/timeline', '.timeline-chart');
  const before = await page.$$eval('.timeline-chart circle', (els) => els.length);
  const res = await fetch(`${server.url}/api/ingest`, {
    method: 'POST', headers: { authorization: `Bearer ${server.analyst}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Late report', published: '2025-10-30', text: 'Russian forces attacked the Ukrainian city of Kharkiv with drones on Wednesday, Ukrainian officials said.' }),
  });
  assert.equal(res.status, 201);
  await page.waitForFunction((n) => document.querySelectorAll('.timeline-chart circle').length > n, before, { timeout: 15_000 });
  await page.waitForSelector('.toast.show');
  await shot('10-live-update');
});

/** A request line sent as is, so that no client tidies the path first. */
function rawGet(url, target) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(`GET ${target} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.on('data', (d) => { data += d; });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

test('path traversal on the live server finds nothing outside the dashboard', async () => {
  for (const target of ['/../../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/app.js/../../../package.json', '//etc/passwd', '/..\\..\\package.json']) {
    const answer = await rawGet(server.url, target);
    assert.match(answer, /^HTTP\/1\.1 (400|404)/, target);
    assert.ok(!answer.includes('"devDependencies"') && !answer.includes('root:'), target);
  }
  assert.match(await rawGet(server.url, '/app.js'), /^HTTP\/1\.1 200/);
});

test('no script errors on any page', () => {
  assert.deepEqual(pageErrors, []);
});
