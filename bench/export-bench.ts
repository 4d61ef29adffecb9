import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startEmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { fromRoot, projectRoot } from '../src/paths';
import { HEAP, PAGE_CACHE, codeVersion, machine, onInterrupt, runBench } from './harness';
import { benchStore, storeKey } from './store-cache';

/**
 * npm run bench:export [-- --scale L] [--runs 2] [--path /export/allies.geojson] [--node-args="--trace-gc"]
 * [--server-output <file>]: is the map export
 * really streamed? Exports every ally of the store (L: 100,000) as GeoJSON from Archipel as
 * `npm start` runs it (its own process, on the store's embedded Neo4j), reading the body as it comes
 * and dropping it, and prints the time to the first byte of the body, the whole time, the size, and
 * the API process's resident memory: before the export, its peak during it (sampled every 20 ms from
 * /proc), and the growth. Issue #12's targets: growth under 100 MB, first byte under 1 s.
 *
 * The store is .cache/bench-stores/<scale>-1 (built as `npm run bench -- --scale L` builds it, ~10
 * min, when absent). A store whose key was made by other code is used as it is, with a note: this
 * benchmark needs 100,000 allies, not the exact generator's version.
 */

const SCALES: Record<string, number> = { S: 1_000, M: 10_000, L: 100_000 };
const READY_TIMEOUT_MS = 10 * 60_000;

function log(line: string): void {
  process.stderr.write(`[bench:export] ${line}\n`);
}

function rssMb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function startArchipel(uri: string, nodeArgs: string[], output?: string): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR,
    NEO4J_URI: uri, NEO4J_PASSWORD: '', NEO4J_DATABASE: 'neo4j', HOST: '127.0.0.1', PORT: String(port),
    ARCHIPEL_DEMO_DATA: 'false', LOG_LEVEL: 'info', ARCHIPEL_RATE_LIMIT_PER_MIN: '0',
  };
  const child = spawn(process.execPath, [...nodeArgs, fromRoot('dist', 'src', 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: projectRoot });
  // --server-output: the server's own output, kept whole (e.g. --trace-gc's lines).
  if (output) {
    const sink = createWriteStream(output);
    child.stdout!.pipe(sink);
    child.stderr!.pipe(sink);
  }
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-8000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
  };
  onInterrupt(stop);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Archipel not warmed up after ${READY_TIMEOUT_MS / 1000} s: ${stderr.slice(-800)}`)), READY_TIMEOUT_MS);
    let pending = '';
    child.stdout!.on('data', (d: Buffer) => {
      const lines = (pending + d.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      // The server's errors, to say why an export failed.
      for (const l of lines) if (/"level":(50|60)/.test(l)) log(`Archipel: ${l.slice(0, 1500)}`);
      if (lines.some((l) => l.includes('query plans warmed up'))) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Archipel exited before it was ready: ${stderr.slice(-1500)}`));
    });
  });
  return { child, url: `http://127.0.0.1:${port}`, stop };
}

interface Run {
  status: number;
  firstByteMs: number;
  /** When the first feature arrived (after the first page was read): the first byte is the collection's opening. */
  firstFeatureMs: number;
  totalMs: number;
  bytes: number;
  features: number | undefined;
  omittedHeader: string | null;
  rssBeforeMb: number;
  rssPeakMb: number;
}

/** One export, its body read as it arrives and dropped (only its tail is kept, for the metadata member). */
async function exportOnce(url: string, pid: number): Promise<Run> {
  const rssBeforeMb = rssMb(pid) ?? NaN;
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => {
    const r = rssMb(pid);
    if (r !== undefined && r > rssPeakMb) rssPeakMb = r;
  }, 20);
  const started = performance.now();
  try {
    const res = await fetch(url);
    const reader = res.body!.getReader();
    let firstByteMs = NaN;
    let firstFeatureMs = NaN;
    let bytes = 0;
    let tail = '';
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += value.byteLength;
      tail = (tail + decoder.decode(value, { stream: true })).slice(-4000);
      if (Number.isNaN(firstFeatureMs) && tail.includes('{"type":"Feature"')) firstFeatureMs = performance.now() - started;
    }
    const totalMs = performance.now() - started;
    const m = /"metadata":(\{[^}]*\})\}$/.exec(tail);
    const features = m ? (JSON.parse(m[1]) as { features: number }).features : undefined;
    return { status: res.status, firstByteMs, firstFeatureMs, totalMs, bytes, features, omittedHeader: res.headers.get('x-archipel-omitted'), rssBeforeMb, rssPeakMb };
  } finally {
    clearInterval(sampler);
    const r = rssMb(pid);
    if (r !== undefined && r > rssPeakMb) rssPeakMb = r;
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'L' },
      runs: { type: 'string', default: '2' },
      path: { type: 'string', default: '/export/allies.geojson' },
      'node-args': { type: 'string', default: '' },
      'server-output': { type: 'string' },
    },
  });
  const allies = SCALES[values.scale!];
  const runs = Number(values.runs);
  if (!allies || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write('usage: npm run bench:export -- [--scale S|M|L] [--runs 2] [--path /export/allies.geojson?…] [--node-args="--trace-gc"] [--server-output <file>]\n');
    return 2;
  }
  const dir = fromRoot('.cache', 'bench-stores', `${values.scale}-1`);
  let home: string;
  if (existsSync(path.join(dir, 'store.json'))) {
    const stamp = JSON.parse(readFileSync(path.join(dir, 'store.json'), 'utf8')) as { key: string; allies: number };
    if (stamp.key !== storeKey(allies, 1)) log(`the store ${path.relative(projectRoot, dir)} was made by other code (key ${stamp.key.slice(0, 12)}): used as it is (${stamp.allies} allies)`);
    home = path.join(dir, 'neo4j');
  } else {
    home = (await benchStore(values.scale!, allies, 1, log)).home;
  }
  log(`starting the embedded Neo4j on ${path.relative(projectRoot, home)}`);
  const neo4j = await startEmbeddedNeo4j({ home, port: await freePort(), heap: HEAP, pageCache: PAGE_CACHE, startupTimeoutMs: 180_000 });
  let archipel: Awaited<ReturnType<typeof startArchipel>> | undefined;
  const stopAll = async () => {
    await archipel?.stop();
    await neo4j.stop().catch(() => undefined);
  };
  onInterrupt(stopAll);
  try {
    log('starting Archipel (node dist/src/main.js) and waiting for its warm-up');
    archipel = await startArchipel(neo4j.uri, values['node-args']!.split(/\s+/).filter(Boolean), values['server-output']);
    const pid = archipel.child.pid!;
    // A refused export first (an unknown theme), so that the routes' code has run once.
    await (await fetch(`${archipel.url}/export/allies.geojson?theme=pas-un-theme`)).text();
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await exportOnce(`${archipel.url}${values.path}`, pid);
      results.push(r);
      log(`run ${i + 1}: HTTP ${r.status}, first byte ${r.firstByteMs.toFixed(0)} ms, first feature ${r.firstFeatureMs.toFixed(0)} ms, total ${(r.totalMs / 1000).toFixed(1)} s, ${(r.bytes / 1e6).toFixed(1)} MB`);
    }
    const load = spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
    console.log(`\n## Export streaming: GET ${values.path} at scale ${values.scale} (${allies.toLocaleString('en-US')} allies)\n`);
    console.log(`${machine()}\n${codeVersion()}\nload: ${load}\n`);
    console.log('| run | HTTP | features | omitted | body MB | first byte ms | first feature ms | total s | API RSS before MB | API RSS peak MB | growth MB |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    results.forEach((r, i) =>
      console.log(`| ${i + 1} | ${r.status} | ${r.features ?? '—'} | ${r.omittedHeader ?? '—'} | ${(r.bytes / 1e6).toFixed(1)} | ${r.firstByteMs.toFixed(0)} | ${r.firstFeatureMs.toFixed(0)} | ${(r.totalMs / 1000).toFixed(1)} | ${r.rssBeforeMb.toFixed(0)} | ${r.rssPeakMb.toFixed(0)} | ${(r.rssPeakMb - r.rssBeforeMb).toFixed(0)} |`),
    );
    const worstGrowth = Math.max(...results.map((r) => r.rssPeakMb - r.rssBeforeMb));
    const worstFirstByte = Math.max(...results.map((r) => r.firstByteMs));
    console.log(`\ntargets (issue #12): RSS growth < 100 MB: ${worstGrowth.toFixed(0)} MB ${worstGrowth < 100 ? 'met' : 'NOT met'}; first byte < 1 s: ${worstFirstByte.toFixed(0)} ms ${worstFirstByte < 1000 ? 'met' : 'NOT met'}`);
    return results.every((r) => r.status === 200) ? 0 : 1;
  } finally {
    await stopAll();
  }
}

runBench(main);
