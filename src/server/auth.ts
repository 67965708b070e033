// Access control: a bearer token names a role (reader < analyst < admin); reads need a reader unless the server is public, writes an analyst.
import type { MiddlewareHandler } from 'hono';
import type { Role, TokenInfo, TrackingStore } from '../store/tracking-types.js';
import { ApiError } from './errors.js';

export type AuthEnv = { Variables: { token: TokenInfo | null } };

const RANK: Record<Role, number> = { reader: 1, analyst: 2, admin: 3 };

export const hasRole = (token: TokenInfo | null, role: Role): boolean => !!token && RANK[token.role] >= RANK[role];

/** Reads the bearer token (if any) into c.var.token; a token that is sent but not valid is refused outright. */
export function identify(tokens: Pick<TrackingStore, 'verifyToken'>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    let token: TokenInfo | null = null;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!m) throw new ApiError(401, 'unauthorized', 'the Authorization header must be "Bearer <token>"');
      token = await tokens.verifyToken(m[1]);
      if (!token) throw new ApiError(401, 'unauthorized', 'the token is not valid or has been revoked');
    }
    c.set('token', token);
    await next();
  };
}

/** Requires at least this role; `publicReads` lets anonymous callers through when the role asked is reader. */
export function requireRole(role: Role, publicReads = false): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = c.get('token');
    if (role === 'reader' && publicReads) return next();
    if (!token) throw new ApiError(401, 'unauthorized', `this needs a token with the ${role} role: send "Authorization: Bearer <token>" (create one with \`watchfloor token create --role ${role}\`)`);
    if (!hasRole(token, role)) throw new ApiError(403, 'forbidden', `this needs the ${role} role; the token "${token.name}" is a ${token.role}`);
    return next();
  };
}

/** Reads need a reader (unless public); anything that changes state needs an analyst. */
export function accessByMethod(publicReads: boolean): MiddlewareHandler<AuthEnv> {
  const read = requireRole('reader', publicReads);
  const write = requireRole('analyst');
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? read(c, next) : write(c, next));
}
