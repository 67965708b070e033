#!/usr/bin/env node
// Builds the dashboard into <outDir>/web (default dist/web): bundles web/src with esbuild, copies the page and style,
// and writes world.json, simplified country outlines from the world-countries package (ODbL), for the offline map.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.argv[2] ?? 'dist', 'web');
const require = createRequire(import.meta.url);

/** Degrees below which consecutive outline points are merged: about 50 km, plenty for a world view. */
const STEP = 0.45;
/** Rings smaller than this many square degrees (islets) are left out. */
const MIN_AREA = 0.25;

const area = (ring) => Math.abs(ring.reduce((s, [x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; return s + x * y2 - x2 * y; }, 0) / 2);

function ringPath(ring) {
  const kept = [];
  for (const [lon, lat] of ring) {
    const last = kept[kept.length - 1];
    if (last && Math.abs(last[0] - lon) < STEP && Math.abs(last[1] - lat) < STEP) continue;
    kept.push([lon, lat]);
  }
  if (kept.length < 4 || area(kept) < MIN_AREA) return '';
  return `M${kept.map(([lon, lat]) => `${+lon.toFixed(1)} ${+(-lat).toFixed(1)}`).join('L')}Z`;
}

function worldOutlines() {
  const dataDir = path.join(path.dirname(require.resolve('world-countries/package.json')), 'data');
  const out = {};
  for (const file of fs.readdirSync(dataDir).filter((f) => f.endsWith('.geo.json')).sort()) {
    const code = file.slice(0, 3).toUpperCase();
    if (code === 'ATA') continue; // Antarctica would fill the bottom of the map and carries no events
    const geo = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'));
    const polygons = geo.features.flatMap((f) => (f.geometry?.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates : []));
    const d = polygons.map((rings) => ringPath(rings[0])).join('');
    if (d) out[code] = d;
  }
  return out;
}

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [path.join(root, 'web/src/main.ts')],
  bundle: true, format: 'esm', target: 'es2022', minify: true, sourcemap: true, legalComments: 'none',
  outfile: path.join(outDir, 'app.js'), logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) fs.copyFileSync(path.join(root, 'web', f), path.join(outDir, f));
fs.writeFileSync(path.join(outDir, 'world.json'), JSON.stringify(worldOutlines()));
const sizes = fs.readdirSync(outDir).map((f) => `${f} ${(fs.statSync(path.join(outDir, f)).size / 1024).toFixed(0)} KiB`);
console.log(`dashboard built in ${path.relative(root, outDir)}: ${sizes.join(', ')}`);
