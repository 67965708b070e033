// The dashboard's built files, read into memory once and served by exact name: a path that is not one of them (../, encoded or not) is a 404.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json; charset=utf-8',
};

/** The dashboard may load its own script, style, data and nothing else; article text can never become code. */
export const DASHBOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface Asset { body: Buffer; gzip?: Buffer; type: string; etag: string }

export type StaticFiles = Map<string, Asset>;

/** Every file under root, keyed by its URL path ("/app.js"); "/" is index.html. An absent root gives an empty map. */
export function loadStatic(root: string): StaticFiles {
  const files: StaticFiles = new Map();
  if (!fs.existsSync(root)) return files;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) { walk(full); continue; }
      if (!entry.isFile()) continue;
      const body = fs.readFileSync(full);
      const type = TYPES[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream';
      const asset: Asset = { body, type, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"` };
      if (/^(text|application\/json|image\/svg)/.test(type) && body.length > 1024) asset.gzip = gzipSync(body);
      files.set(`/${path.relative(root, full).split(path.sep).join('/')}`, asset);
    }
  };
  walk(root);
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}

/** Answers a GET for a built file, or returns null to let the caller 404. */
export function serveStatic(files: StaticFiles, c: Context): Response | null {
  const asset = files.get(c.req.path);
  if (!asset) return null;
  const headers: Record<string, string> = {
    'content-type': asset.type, etag: asset.etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff',
    'content-security-policy': DASHBOARD_CSP, 'referrer-policy': 'no-referrer', vary: 'accept-encoding',
  };
  if (c.req.header('if-none-match') === asset.etag) return new Response(null, { status: 304, headers });
  const gzip = asset.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  if (gzip) headers['content-encoding'] = 'gzip';
  const bytes = gzip ? asset.gzip! : asset.body;
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
