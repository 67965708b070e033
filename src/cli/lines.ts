// Splits a byte stream into lines without ever holding more than one bounded line, so input of any size streams in bounded memory.
import { isUtf8 } from 'node:buffer';

export interface InputLine {
  /** 1-based line number */
  number: number;
  /** the line decoded as UTF-8 (invalid bytes become U+FFFD); for an over-long line, only its head */
  text: string;
  /** the line's bytes are not valid UTF-8 */
  invalidUtf8: boolean;
  /** set when the line was longer than the limit: its full length in bytes (the rest was skipped) */
  overLimitBytes?: number;
}

/** Bytes kept of an over-long line, enough to find its "id". */
const HEAD_BYTES = 1024;
const NEWLINE = 0x0a;

export async function* readLines(input: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<InputLine> {
  let parts: Buffer[] = [];
  let held = 0, length = 0, number = 0;
  const finish = (): InputLine => {
    number++;
    let bytes = Buffer.concat(parts, held);
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    const line: InputLine = { number, text: bytes.toString('utf8'), invalidUtf8: !isUtf8(bytes) };
    if (length > maxLineBytes) {
      line.overLimitBytes = length;
      line.invalidUtf8 = false; // the head may end inside a character; the line is rejected for its size anyway
    }
    parts = [];
    held = length = 0;
    return line;
  };
  const keep = (chunk: Buffer) => {
    length += chunk.length;
    if (length <= maxLineBytes) {
      parts.push(chunk);
      held += chunk.length;
    } else if (held > HEAD_BYTES) {
      parts = [Buffer.concat(parts, HEAD_BYTES)]; // a copy, so the dropped chunks can be freed
      held = HEAD_BYTES;
    } else if (held < HEAD_BYTES) {
      parts.push(Buffer.from(chunk.subarray(0, HEAD_BYTES - held)));
      held = Math.min(HEAD_BYTES, held + chunk.length);
    }
  };
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let from = 0;
    for (let nl = chunk.indexOf(NEWLINE, from); nl !== -1; nl = chunk.indexOf(NEWLINE, from)) {
      keep(chunk.subarray(from, nl));
      yield finish();
      from = nl + 1;
    }
    if (from < chunk.length) keep(chunk.subarray(from));
  }
  if (length > 0) yield finish();
}
