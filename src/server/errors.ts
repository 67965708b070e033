// API errors: one JSON shape for every 4xx/5xx ({error: {status, code, message, issues?}}) so that clients can show what went wrong.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { StoreError } from '../store/types.js';
import { TrackError } from '../track/service.js';

export interface Issue { path: string; message: string }

export class ApiError extends Error {
  constructor(readonly status: ContentfulStatusCode, readonly code: string, message: string, readonly issues?: Issue[]) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, 'not-found', `${what} not found`);

/** zod's issues as "where: what" pairs, the path joined the way a user would write it (query.limit, body.state). */
export function issuesOf(error: z.ZodError, where: string): Issue[] {
  return error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
}

export function errorBody(status: number, code: string, message: string, issues?: Issue[]) {
  return { error: { status, code, message, ...(issues?.length ? { issues } : {}) } };
}

/** Maps anything a handler threw to a JSON response; unexpected errors are logged and answered without internals. */
export function handleError(err: unknown, c: Context, log: (message: string) => void = (m) => process.stderr.write(`${m}\n`)) {
  if (err instanceof ApiError) return c.json(errorBody(err.status, err.code, err.message, err.issues), err.status);
  // hono's own refusals (a malformed request it could not parse) keep their status, in our shape
  if (err instanceof HTTPException) return c.json(errorBody(err.status, 'http', err.message || 'the request was refused'), err.status as ContentfulStatusCode);
  // the store's bad-input errors and the tracker's come from user values (an actor code, a cited document) and are the caller's to fix
  if ((err instanceof StoreError && err.code === 'bad-input') || err instanceof TrackError) return c.json(errorBody(400, 'bad-request', err.message), 400);
  log(`watchfloor serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
  return c.json(errorBody(500, 'internal', 'the server failed to answer this request; the error is in its log'), 500);
}
