// Turns bytes into text, refusing what is not text: binary data, invalid UTF-8, empty files.
import { ReadError } from './types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 (a BOM is dropped); throws a ReadError that names the problem. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ReadError('the file is empty');
  // a NUL byte in the first few kilobytes is the classic sign of a binary file
  if (bytes.subarray(0, 8192).includes(0)) throw new ReadError('binary data (not a text file)');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ReadError('not valid UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new ReadError('the file holds only whitespace');
  return text;
}
