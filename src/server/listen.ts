// Puts the app on a socket (the only place that listens), with a clear message when the port is taken.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Listening { url: string; close: () => Promise<void> }

export function listen(app: Hono<any>, options: { host: string; port: number }): Promise<Listening> {
  const server = createAdaptorServer({ fetch: app.fetch, hostname: options.host }) as Server;
  // a slow or stalled client must not hold a socket forever
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${options.port} on ${options.host} is already in use: choose another with --port`
        : err.code === 'EACCES' ? `not allowed to listen on port ${options.port}: use a port above 1023` : `cannot listen on ${options.host}:${options.port}: ${err.message}`));
    });
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
