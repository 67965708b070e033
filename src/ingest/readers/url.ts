// Downloads a source over HTTP(S) with every limit a batch needs: a timeout, a size cap, a redirect cap, a content-type
// check, and for a server fetching on others' behalf, no private addresses.
import dns from 'node:dns/promises';
import net from 'node:net';
import { ReadError } from './types.js';

export interface FetchLimits {
  /** the whole request, body included, in ms */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** refuse hosts that resolve to loopback, private, link-local or otherwise internal addresses (at every redirect) */
  publicOnly?: boolean;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

export interface Fetched {
  /** the url after redirects */
  url: string;
  /** the media type without parameters, lower case */
  mediaType: string;
  text: string;
}

/** Media types that can hold an article or a feed. */
const TEXTUAL = /^(text\/(html|plain|xml)|application\/(xhtml\+xml|rss\+xml|atom\+xml|rdf\+xml|xml|json|x-ndjson|jsonl|ld\+json))$/;

export const isHttpUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** Address ranges a fetch on someone else's behalf must not reach: this host, private networks, link-local (cloud metadata). */
const INTERNAL = new net.BlockList();
for (const [prefix, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) INTERNAL.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) INTERNAL.addSubnet(prefix, bits, 'ipv6');

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return INTERNAL.check(mapped, 'ipv4');
  return INTERNAL.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

/** Throws unless every address the url's host resolves to is public. */
async function assertPublic(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw new ReadError(`${url}: the host ${host} was not found`);
  }
  const internal = addresses.find(isInternalAddress);
  if (internal !== undefined) throw new ReadError(`${url}: ${host} is an internal address (${internal}); this server only fetches public addresses`);
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, url: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ReadError(`${url}: larger than the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, contentType: string, url: string): string {
  if (bytes.length === 0) throw new ReadError(`${url}: the response is empty`);
  if (bytes.subarray(0, 8192).includes(0)) throw new ReadError(`${url}: binary data`);
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    throw new ReadError(`${url}: unknown character set ${charset}`);
  }
}

/** GETs a url, following at most maxRedirects redirects; every failure is a ReadError naming the url and the problem. */
export async function fetchText(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      if (!isHttpUrl(current)) throw new ReadError(`${current}: only http and https urls are fetched`);
      if (limits.publicOnly) await assertPublic(current);
      let res: Response;
      try {
        res = await fetch(current, { redirect: 'manual', signal: controller.signal, headers: { accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.1', 'user-agent': 'watchfloor (+https://github.com/watchfloor/watchfloor)' } });
      } catch (err) {
        throw new ReadError(controller.signal.aborted ? `${url}: no complete answer within ${limits.timeoutMs} ms` : `${current}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (redirects >= limits.maxRedirects) throw new ReadError(`${url}: more than ${limits.maxRedirects} redirects`);
        current = new URL(res.headers.get('location')!, current).toString();
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new ReadError(`${current}: HTTP ${res.status} ${res.statusText}`.trim());
      }
      const contentType = res.headers.get('content-type') ?? '';
      const mediaType = contentType.split(';')[0].trim().toLowerCase();
      if (!TEXTUAL.test(mediaType)) {
        await res.body?.cancel();
        throw new ReadError(`${current}: content type ${mediaType || '(none)'} is not an article or a feed`);
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > limits.maxBytes) {
        await res.body?.cancel();
        throw new ReadError(`${current}: ${declared} bytes, over the limit of ${limits.maxBytes}`);
      }
      let bytes: Uint8Array;
      try {
        bytes = res.body ? await readCapped(res.body, limits.maxBytes, current) : new Uint8Array();
      } catch (err) {
        if (err instanceof ReadError) throw err;
        throw new ReadError(controller.signal.aborted ? `${url}: no complete answer within ${limits.timeoutMs} ms` : `${current}: ${(err as Error).message}`);
      }
      return { url: current, mediaType, text: decode(bytes, contentType, current) };
    }
  } finally {
    clearTimeout(timer);
  }
}
