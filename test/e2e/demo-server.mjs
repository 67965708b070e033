// Starts the dashboard on the demo corpus for end-to-end tests and screenshots: a fresh SQLite archive in a temp folder, an ephemeral port.
// WATCHFLOOR_DIST names the compiled tree to test (default dist); the dashboard must be built into <dist>/web.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.resolve(root, process.env.WATCHFLOOR_DIST ?? 'dist');
const load = (p) => import(pathToFileURL(path.join(dist, p)).href);

/** The article every security check looks for: markup and script in the title and the text must show as text. */
export const HOSTILE_ARTICLE = {
  id: 'hostile-1', published: '2025-10-20', title: 'Seoul says <img src=x onerror="window.__pwned=1"> troops <script>window.__pwned=2</script>',
  text: 'South Korea said on Monday that North Korea had sent 2,000 more troops to Russia <script>window.__pwned=3</script>. '
    + 'Officials shared <a href="javascript:window.__pwned=4">a link</a> and <img src=x onerror="window.__pwned=5"> a photo.',
};

export async function startDemoServer({ asOf = '2025-11-01', publicReads = true } = {}) {
  const [{ openStore }, { createApp }, { listen }, setup, { loadModel }, { prepareDocument }] = await Promise.all([
    load('store/index.js'), load('server/app.js'), load('server/listen.js'), load('server/setup.js'), load('nlp/model/load.js'), load('ingest/ingest.js'),
  ]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-e2e-'));
  const store = await openStore(path.join(dir, 'demo.db'));
  const model = loadModel();
  await setup.loadDemoCorpus(store, model);
  const prepared = await prepareDocument({ name: 'hostile', id: HOSTILE_ARTICLE.id, text: HOSTILE_ARTICLE.text, meta: { externalId: HOSTILE_ARTICLE.id, title: HOSTILE_ARTICLE.title, published: HOSTILE_ARTICLE.published } }, model, store);
  if ('input' in prepared) await store.ingest(prepared.input);
  const analyst = (await store.createToken('e2e-analyst', 'analyst')).secret;
  const problems = setup.loadProblems(setup.DEFAULT_PROBLEMS_DIR);
  const { app } = createApp({ store, problems, publicReads, asOf, webRoot: path.join(dist, 'web'), model: () => model, log: () => {} });
  const server = await listen(app, { host: '127.0.0.1', port: 0 });
  return {
    url: server.url, analyst, store, model, problems: problems.length,
    close: async () => { await server.close(); await store.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Chromium from Debian, headless, with nothing phoning home and a throwaway profile. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfloor-chromium-'));
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath, headless: true, viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, close: async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); } };
}

export const ARTIFACTS = path.join(root, 'artifacts', 'e2e');
