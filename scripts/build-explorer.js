#!/usr/bin/env node
// Builds the /explorer page's browser files into dist/explorer/ (src/http/explorer/ serves them):
//   explorer.js   explorer/main.ts and the installed npm packages it imports (sigma, graphology,
//                 graphology-layout-forceatlas2, d3-geo, topojson-client), bundled by esbuild;
//   index.html    explorer/index.html, the page (its asset URLs are filled in when served);
//   explorer.css  explorer/explorer.css;
//   outline.json  France and its neighbours as GeoJSON, from world-atlas (Natural Earth 1:50m), the
//                 map view's offline background (no tiles: the page loads nothing from elsewhere).
// Part of `npm run build`; `npm start` runs it through `--if-stale` (only when a source is newer).
'use strict';
const { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const src = path.join(root, 'explorer');
const out = path.join(root, 'dist', 'explorer');
const outputs = ['index.html', 'explorer.js', 'explorer.css', 'outline.json'].map((f) => path.join(out, f));

function newest(dir) {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

function isStale() {
  if (!outputs.every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = Math.max(newest(src), statSync(__filename).mtimeMs, statSync(path.join(root, 'package-lock.json')).mtimeMs);
  return inputs >= built;
}

/** Countries whose outline crosses this box (lon/lat) are drawn; France (ISO 3166 numeric 250) darker. */
const BOX = { west: -12, south: 35, east: 20, north: 57 };

function outline() {
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const { feature } = require('topojson-client');
  const all = feature(topology, topology.objects.countries).features;
  const crosses = (f) => {
    let hit = false;
    const visit = (c) => {
      if (hit) return;
      if (typeof c[0] === 'number') hit = c[0] >= BOX.west && c[0] <= BOX.east && c[1] >= BOX.south && c[1] <= BOX.north;
      else c.forEach(visit);
    };
    visit(f.geometry ? f.geometry.coordinates : []);
    return hit;
  };
  // Coordinates rounded to 3 decimals (~100 m, far below 1:50m's precision): a third of the size.
  const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000] : c.map(round));
  const features = all.filter(crosses).map((f) => ({
    type: 'Feature',
    id: f.id,
    properties: { name: f.properties.name, france: f.id === '250' },
    geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
  }));
  if (!features.some((f) => f.properties.france)) throw new Error('world-atlas: France (250) not found');
  return {
    type: 'FeatureCollection',
    attribution: 'Made with Natural Earth (public domain), via the world-atlas npm package',
    features,
  };
}

async function build() {
  mkdirSync(out, { recursive: true });
  await require('esbuild').build({
    entryPoints: [path.join(src, 'main.ts')],
    outfile: path.join(out, 'explorer.js'),
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'iife',
    target: ['es2020'],
    platform: 'browser',
    legalComments: 'linked',
    logLevel: 'warning',
    tsconfig: path.join(src, 'tsconfig.json'),
  });
  for (const f of ['index.html', 'explorer.css']) copyFileSync(path.join(src, f), path.join(out, f));
  writeFileSync(path.join(out, 'outline.json'), JSON.stringify(outline()));
}

if (require.main === module) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  build().catch((err) => {
    console.error(`build-explorer: ${err.message}`);
    process.exit(1);
  });
}

module.exports = { build, outputDir: out };
