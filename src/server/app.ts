// The HTTP application: the JSON API under /api, its OpenAPI document, and the built dashboard, assembled from plain functions (no listening here).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { loadModel } from '../nlp/model/load.js';
import type { Model } from '../nlp/model/types.js';
import type { WarningProblem } from '../track/problems.js';
import { accessByMethod, identify, type AuthEnv } from './auth.js';
import { ApiError, errorBody, handleError } from './errors.js';
import { openApiDocument, type RouteDoc } from './openapi.js';
import { archiveDocs, archiveRoutes } from './routes/archive.js';
import { ingestDocs, ingestRoutes } from './routes/ingest.js';
import { tokenDocs, tokenRoutes } from './routes/tokens.js';
import { trackingDocs, trackingRoutes } from './routes/tracking.js';
import { loadStatic, serveStatic } from './static.js';
import { Tracker, type ServerStore } from './tracker.js';

export const API_VERSION = '0.1.0';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  store: ServerStore;
  problems?: WarningProblem[];
  /** reads without a token (writes still need an analyst token) */
  publicReads?: boolean;
  /** the built dashboard (dist/web); without it only the API is served */
  webRoot?: string;
  /** the extraction model for POST /api/ingest; loaded on first use by default */
  model?: () => Model;
  maxBodyBytes?: number;
  /** let POST /api/ingest {url} fetch loopback and private-network addresses (off: the server only fetches public ones) */
  fetchInternal?: boolean;
  /** evaluate the tracker at this day instead of the newest report in the archive */
  asOf?: string;
  now?: () => Date;
  log?: (message: string) => void;
}

const docs: RouteDoc[] = [
  { method: 'get', path: '/api/me', summary: 'The role of the token sent (or anonymous on a public server)' },
  ...archiveDocs, ...trackingDocs, ...ingestDocs, ...tokenDocs,
];

function memoised<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createApp(options: AppOptions): { app: Hono<AuthEnv>; tracker: Tracker } {
  const { store } = options;
  const publicReads = options.publicReads ?? false;
  const now = options.now ?? (() => new Date());
  const tracker = new Tracker(store, options.problems ?? [], { asOf: options.asOf, now });
  const files = options.webRoot ? loadStatic(options.webRoot) : new Map();
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const openapi = openApiDocument(docs, { publicReads, version: API_VERSION });

  const app = new Hono<AuthEnv>();
  app.onError((err, c) => handleError(err, c, options.log));
  app.notFound((c) => c.json(errorBody(404, 'not-found', `nothing at ${c.req.method} ${c.req.path}`), 404));

  app.get('/openapi.json', (c) => c.json(openapi));
  app.get('/api/health', (c) => c.json({ ok: true }));

  const api = new Hono<AuthEnv>();
  api.use('*', bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(errorBody(413, 'payload-too-large', `the body is larger than ${maxBytes} bytes`), 413),
  }));
  api.use('*', identify(store));
  api.use('*', accessByMethod(publicReads));
  api.get('/me', (c) => {
    const token = c.get('token');
    return c.json(token ? { name: token.name, role: token.role } : { name: null, role: publicReads ? 'public' : null });
  });
  api.route('/', archiveRoutes(store));
  api.route('/', trackingRoutes(store, tracker));
  api.route('/', ingestRoutes({ store, model: options.model ?? memoised(() => loadModel()), changed: () => tracker.invalidate(), fetchInternal: !!options.fetchInternal }));
  api.route('/tokens', tokenRoutes(store));
  api.all('*', (c) => { throw new ApiError(404, 'not-found', `no API endpoint ${c.req.method} ${c.req.path} (see /openapi.json)`); });
  app.route('/api', api);

  app.on(['GET', 'HEAD'], '*', (c) => serveStatic(files, c) ?? c.json(errorBody(404, 'not-found', `no file ${c.req.path}`), 404));
  return { app, tracker };
}
