// Hash routes (#/view/arg?query) and what every view is given to render.
import type { Me } from './api.js';

export interface Route { view: string; arg?: string; params: URLSearchParams }
export interface ViewContext { route: Route; me: Me; refresh: () => void }

export function parseRoute(hash: string, views: readonly string[], fallback: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, ...rest] = path.split('/');
  return { view: views.includes(view) ? view : fallback, arg: rest.length ? decodeURIComponent(rest.join('/')) : undefined, params: new URLSearchParams(query) };
}

export function routeHref(view: string, arg?: string, params?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v) q.set(k, v);
  const qs = q.toString();
  return `#/${view}${arg ? `/${encodeURIComponent(arg)}` : ''}${qs ? `?${qs}` : ''}`;
}
