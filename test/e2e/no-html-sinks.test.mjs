// The dashboard's sources never hand a string to an HTML parser that renders into the page: text goes in as text nodes only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src');
const SINKS = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function\(|setAttribute\(\s*['"]on/;

test('no web source file uses an HTML sink', () => {
  const files = fs.readdirSync(web, { recursive: true }).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 8, `found ${files.length} source files in ${web}`);
  const offending = files.flatMap((f) => fs.readFileSync(path.join(web, f), 'utf8').split('\n')
    .map((line, i) => (SINKS.test(line) && !line.trim().startsWith('//') ? `${f}:${i + 1}: ${line.trim()}` : null)).filter(Boolean));
  assert.deepEqual(offending, []);
});
