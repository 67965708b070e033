// Token administration over the API (admin only); the CLI's `watchfloor token` does the same locally.
import { Hono } from 'hono';
import type { TrackingStore } from '../../store/tracking-types.js';
import type { AuthEnv } from '../auth.js';
import { requireRole } from '../auth.js';
import { notFound } from '../errors.js';
import type { RouteDoc } from '../openapi.js';
import { body, tokenBody } from '../schemas.js';

export function tokenRoutes(store: TrackingStore): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use('*', requireRole('admin'));
  app.get('/', async (c) => c.json({ items: await store.listTokens() }));
  app.post('/', async (c) => {
    const { name, role } = await body(c, tokenBody);
    const { info, secret } = await store.createToken(name, role);
    return c.json({ ...info, secret }, 201);
  });
  app.delete('/:id', async (c) => {
    if (!(await store.revokeToken(c.req.param('id')))) throw notFound(`token ${JSON.stringify(c.req.param('id'))}`);
    return c.body(null, 204);
  });
  return app;
}

export const tokenDocs: RouteDoc[] = [
  { method: 'get', path: '/api/tokens', summary: 'API tokens (never their secrets)', role: 'admin' },
  { method: 'post', path: '/api/tokens', summary: 'Create a token; the secret is in this response only', body: tokenBody, role: 'admin' },
  { method: 'delete', path: '/api/tokens/{id}', summary: 'Revoke a token', params: ['id'], role: 'admin' },
];
