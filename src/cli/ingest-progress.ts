// Progress for long commands: a bar with rate and ETA on a terminal, a plain line every few seconds otherwise.
import cliProgress from 'cli-progress';

export interface Progress {
  /** one more document done; `total` grows when the estimate was short */
  tick(name: string): void;
  /** a line that must not be overwritten by the bar (a failure, a notice) */
  log(line: string): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5000;

function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let done = 0;
  const rate = () => done / Math.max((Date.now() - started) / 1000, 0.001);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({
      stream,
      format: `${label} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {name}`,
      hideCursor: true,
      etaBuffer: 50,
      clearOnComplete: false,
    }, cliProgress.Presets.shades_classic);
    bar.start(Math.max(total, 1), 0, { rate: '0', name: '' });
    return {
      tick(name) {
        done++;
        if (done > bar.getTotal()) bar.setTotal(done);
        bar.update(done, { rate: rate().toFixed(1), name: name.length > 40 ? `…${name.slice(-39)}` : name });
      },
      log(line) {
        // clear the bar's line, write, and let the next update redraw it
        stream.write(`\r\x1b[K${line}\n`);
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = started;
  return {
    tick() {
      done++;
      total = Math.max(total, done);
      if (Date.now() - lastLine >= PLAIN_EVERY_MS) {
        lastLine = Date.now();
        stream.write(`${label}: ${done}/${total} documents, ${rate().toFixed(1)}/s, ETA ${formatEta((total - done) / rate())}\n`);
      }
    },
    log: (line) => stream.write(`${line}\n`),
    stop() {
      if (done) stream.write(`${label}: ${done} documents in ${formatEta((Date.now() - started) / 1000)}, ${rate().toFixed(1)}/s\n`);
    },
  };
}
