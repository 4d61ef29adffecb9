#!/usr/bin/env node
// Runs `tsc -p tsconfig.build.json` unless dist/ is newer than every input of that build (as make
// would). A no-op tsc still takes ~4 s on 2 cores, a fifth of a warm `npm start`. Plain JavaScript,
// so it runs before anything is built. `--force` always builds.
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// tsc's incremental state (tsconfig.build.json: tsBuildInfoFile); its mtime marks the last build.
const stamp = path.join(root, '.cache', 'tsbuildinfo.json');
const entry = path.join(root, 'dist', 'src', 'main.js');

/** Newest modification time under dir, for the files that pass keep. */
function newest(dir, keep) {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) max = Math.max(max, newest(p, keep));
    else if (keep(e.name)) max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}

function isStale() {
  if (process.argv.includes('--force') || !existsSync(stamp) || !existsSync(entry)) return true;
  const inputs = Math.max(
    newest(path.join(root, 'src'), (name) => name.endsWith('.ts') && !name.endsWith('.test.ts')),
    ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => statSync(path.join(root, f)).mtimeMs),
  );
  return inputs >= statSync(stamp).mtimeMs;
}

if (isStale()) {
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves the file alone when no output changed (a file touched, not edited): mark it current.
  const now = new Date();
  if (existsSync(stamp)) utimesSync(stamp, now, now);
}
