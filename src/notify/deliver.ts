// Alert delivery adapters: the terminal, a JSON-lines file, or a webhook (HTTP POST with retries and exponential backoff).
import fs from 'node:fs';
import type { Alert } from '../track/rules.js';

export interface Sink { send(alerts: Alert[]): Promise<void> }

export function terminalSink(write: (line: string) => void = (l) => process.stdout.write(l)): Sink {
  return {
    async send(alerts) {
      for (const a of alerts) write(`ALERT [${a.rule}] ${a.docDate} ${a.type} ${a.source.join('+')} -> ${a.target.join('+') || '-'} (${a.status}) ${a.docId}${a.text ? `: ${a.text.replace(/\s+/g, ' ').slice(0, 160)}` : ''}\n`);
    },
  };
}

export function jsonlSink(file: string): Sink {
  return { async send(alerts) { if (alerts.length) fs.appendFileSync(file, alerts.map((a) => JSON.stringify(a)).join('\n') + '\n'); } };
}

export interface WebhookOptions {
  /** attempts in all, the first included (default 5) */
  attempts?: number;
  /** delay before the first retry, doubled each time (default 500 ms) */
  backoffMs?: number;
  /** per-request timeout (default 10 s) */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Thrown when a webhook still fails after its last retry; says the URL, the attempts and the last answer. */
export class DeliveryError extends Error {
  constructor(message: string) { super(message); this.name = 'DeliveryError'; }
}

export function webhookSink(url: string, options: WebhookOptions = {}): Sink {
  let parsed: URL;
  try { parsed = new URL(url); } catch { throw new DeliveryError(`webhook: "${url}" is not a URL`); }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new DeliveryError(`webhook: "${url}" must be http or https`);
  const attempts = options.attempts ?? 5, backoff = options.backoffMs ?? 500, timeout = options.timeoutMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return {
    async send(alerts) {
      if (!alerts.length) return;
      const body = JSON.stringify({ alerts });
      let last = '';
      for (let i = 0; i < attempts; i++) {
        if (i) await sleep(backoff * 2 ** (i - 1));
        try {
          const res = await fetch(parsed, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(timeout) });
          await res.arrayBuffer();
          if (res.ok) return;
          last = `HTTP ${res.status}`;
          // a client error will not go away by retrying, except throttling
          if (res.status < 500 && res.status !== 429) break;
        } catch (err) {
          last = (err as Error).message;
        }
      }
      throw new DeliveryError(`webhook ${url}: not delivered after ${attempts} attempt(s): ${last}`);
    },
  };
}
