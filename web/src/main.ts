// The dashboard shell: navigation, hash routes (#/view/arg?query), the session token, and live refresh when the archive changes.
import { ApiFailure, getJson, token, type Me, type Version } from './api.js';
import { clear, h } from './dom.js';
import { parseRoute, type ViewContext } from './router.js';
import { articleView } from './views/article.js';
import { briefView } from './views/brief.js';
import { forecastsView } from './views/forecasts.js';
import { mapView } from './views/map.js';
import { networkView } from './views/network.js';
import { timelineView } from './views/timeline.js';
import { warningsView } from './views/warnings.js';

type View = (ctx: ViewContext) => Promise<Node>;

const VIEWS: Record<string, { title: string; render: View; nav: boolean }> = {
  warnings: { title: 'Warnings', render: warningsView, nav: true },
  forecasts: { title: 'Forecasts', render: forecastsView, nav: true },
  timeline: { title: 'Timeline', render: timelineView, nav: true },
  network: { title: 'Network', render: networkView, nav: true },
  map: { title: 'Map', render: mapView, nav: true },
  brief: { title: 'Brief', render: briefView, nav: true },
  article: { title: 'Article', render: articleView, nav: false },
};
const POLL_MS = 4000;

const main = h('main', { id: 'view', tabindex: '-1' });
const status = h('span', { class: 'live', title: 'the dashboard refreshes when the archive changes' }, 'connecting');
const who = h('button', { class: 'who', type: 'button', click: () => askToken() });
const nav = h('nav', { 'aria-label': 'views' }, ...Object.entries(VIEWS).filter(([, v]) => v.nav).map(([id, v]) => h('a', { href: `#/${id}`, 'data-view': id }, v.title)));
const toast = h('div', { class: 'toast', role: 'status', 'aria-live': 'polite' });

let me: Me = { name: null, role: null };
let version: Version | null = null;
let rendering = 0;

async function render(): Promise<void> {
  const route = parseRoute(location.hash, Object.keys(VIEWS), 'warnings');
  const ticket = ++rendering;
  for (const a of nav.querySelectorAll('a')) a.classList.toggle('active', a.dataset.view === route.view);
  document.title = `${VIEWS[route.view].title} · watchfloor`;
  main.setAttribute('aria-busy', 'true');
  let node: Node;
  try {
    node = await VIEWS[route.view].render({ route, me, refresh: () => void render() });
  } catch (err) {
    node = errorPanel(err);
  }
  if (ticket !== rendering) return;
  const scroll = window.scrollY;
  clear(main);
  main.append(node);
  main.setAttribute('aria-busy', 'false');
  window.scrollTo(0, scroll);
}

function errorPanel(err: unknown): Node {
  if (err instanceof ApiFailure && err.status === 401) {
    return h('section', { class: 'panel empty' }, h('h2', null, 'A token is needed'), h('p', null, 'This server asks for a reader token. Create one with ',
      h('code', null, 'watchfloor token create --name you --role reader'), ' and paste it here.'), h('button', { type: 'button', click: () => askToken() }, 'Enter token'));
  }
  return h('section', { class: 'panel empty' }, h('h2', null, 'Could not load this view'), h('p', null, err instanceof Error ? err.message : String(err)));
}

function askToken(): void {
  const input = h('input', { type: 'password', placeholder: 'wf_…', autocomplete: 'off', 'aria-label': 'token' });
  const dialog = h('dialog', { class: 'token-dialog' },
    h('form', { method: 'dialog', submit: () => { token.set(input.value.trim() || null); void start(); } },
      h('h2', null, 'API token'), h('p', null, 'Reading may need a reader token; resolving forecasts needs an analyst token. It is kept for this browser tab only.'),
      input, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Use token'), h('button', { type: 'button', class: 'ghost', click: () => { token.set(null); dialog.close(); void start(); } }, 'Sign out'))));
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
}

async function refreshMe(): Promise<void> {
  try { me = await getJson<Me>('/api/me'); } catch (err) {
    if (err instanceof ApiFailure && err.status === 401) token.set(null);
    me = { name: null, role: null };
  }
  who.textContent = me.role === 'public' || !me.role ? 'Sign in' : `${me.name} · ${me.role}`;
}

function notice(text: string): void {
  toast.textContent = text;
  toast.classList.add('show');
  setTimeout(() => toast.classList.remove('show'), 3500);
}

async function poll(): Promise<void> {
  try {
    const next = await getJson<Version>('/api/version');
    status.textContent = `live · ${next.events.toLocaleString()} events`;
    status.classList.add('on');
    if (version && next.version !== version.version) {
      const added = next.events - version.events;
      version = next;
      if (added > 0) notice(`${added} new event${added === 1 ? '' : 's'} in the archive`);
      // a form being filled in is not torn down under the analyst's hands
      if (!main.contains(document.activeElement) || !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement!.tagName)) void render();
    }
    version = next;
  } catch {
    status.textContent = 'offline';
    status.classList.remove('on');
  }
}

let polling: number | undefined;
async function start(): Promise<void> {
  await refreshMe();
  await poll();
  await render();
  if (polling === undefined) polling = window.setInterval(() => void poll(), POLL_MS);
}

// a demo link carries its token in the fragment (never sent to the server); keep it for the tab and drop it from the address bar
const fromLink = /^#token=([\w-]+)/.exec(location.hash);
if (fromLink) {
  token.set(fromLink[1]);
  history.replaceState(null, '', `${location.pathname}#/warnings`);
}
document.body.append(h('header', { class: 'top' }, h('a', { class: 'brand', href: '#/warnings' }, h('span', { class: 'mark' }), 'watchfloor'), nav, h('div', { class: 'right' }, status, who)), main, toast);
window.addEventListener('hashchange', () => void render());
void start();
