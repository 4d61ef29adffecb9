import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedNeo4j, freePort, startEmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { fromRoot } from '../src/paths';
import { ALIAS_QUERY, FRAGMENT_QUERY, ISSUE_QUERY } from '../test/helpers/hostile-queries';
import { codeVersion, fmt, HEAP, onInterrupt, PAGE_CACHE, runBench } from './harness';
import { benchStore } from './store-cache';

/**
 * npm run bench:budget -- [--runs 3] [--seed 1] [--refusals 30] [--node-args="--cpu-prof --cpu-prof-dir=/tmp/p"]
 *                         [--server-output /tmp/server.log] [--baseline ../other-checkout/dist/src/main.js] [--stalls]
 *
 * The request budget's responsiveness (issue #9, DESIGN §6), measured on the real server as
 * `npm start` runs it (NODE_ENV=production, `node dist/src/main.js`) over the benchmark's S store
 * (1,000 synthetic allies, bench/store-cache.ts):
 *
 * 1. **Budget**: a server with the limits checked before execution lifted (depth 30, estimate 10¹²),
 *    so that only the request's budget (5 s, 100,000 items) can stop the 431-byte query of the issue.
 *    Per run: the heavy request's status, code and time to its answer; `{ __typename }` probes sent
 *    one after the other (20 ms apart) while it runs: count, median, p99, max, how many over 100 ms,
 *    next to the same probes on the idle server just before (the floor the machine's load sets);
 *    the server's own event-loop delay over the run (perf_hooks, read through
 *    bench/budget/loop-delay-preload.ts); its heap after a full GC before and after the run.
 * 2. **Refusals**: a server with the default limits: the issue's two queries and the 500-alias
 *    request, `--refusals` times each: median, p90, max (done-when: under 20 ms).
 *
 * `--stalls` prints each stall of the server's loop over 100 ms as [start, end] in µs of the monotonic
 * clock, the clock of a `--cpu-prof` profile, to find what ran then. `--baseline` runs another build (another checkout's `dist/src/main.js`) next to this one, the runs
 * alternating, so that a before/after comparison sees the same load. Nothing is asserted: the figures are printed (the machine is shared; quote `uptime` with them).
 */

const log = (line: string): void => void process.stderr.write(`[bench:budget ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

interface ServerReading { delay: { maxMs: number; p99Ms: number; meanMs: number }; stalls: [number, number][]; gc: { count: number; totalMs: number; maxMs: number }; rssMb: number; heapUsedMb: number }

interface Archipel {
  url: string;
  pid: number;
  read(): Promise<ServerReading>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function startArchipel(
  neo4j: EmbeddedNeo4j, env: Record<string, string>, nodeArgs: string[], output?: string, main = fromRoot('dist', 'src', 'main.js'),
): Promise<Archipel> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, '--expose-gc', '-r', fromRoot('dist', 'bench', 'budget', 'loop-delay-preload.js'), main],
    {
      cwd: path.dirname(path.dirname(path.dirname(main))),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR,
        NODE_ENV: 'production', NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: '', NEO4J_DATABASE: 'neo4j', HOST: '127.0.0.1', PORT: String(port),
        // One client sends every request: no rate limit (production turns it on by default).
        ARCHIPEL_DEMO_DATA: 'false', LOG_LEVEL: 'warn', ARCHIPEL_RATE_LIMIT_PER_MIN: '0', ...env,
      },
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-8192)));
  if (output) child.stdout!.pipe(createWriteStream(output));
  else child.stdout!.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  onInterrupt(stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Archipel exited before it was ready: ${stderr.slice(-1500)}`);
    if (Date.now() > deadline) throw new Error(`Archipel was not ready after 300 s: ${stderr.slice(-1500)}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    await sleep(500);
  }
  const ask = <T>(message: string) =>
    new Promise<T>((resolve) => {
      const on = (m: { kind?: string }) => {
        if (m.kind !== message) return;
        child.off('message', on);
        resolve(m as T);
      };
      child.on('message', on);
      child.send(message);
    });
  return { url, pid: child.pid!, stop, read: () => ask<ServerReading>('loop-delay:read'), reset: () => ask<void>('loop-delay:reset') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql(url: string, query: string): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as never };
}

/** CPU time (user + system) of a process so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

/** `{ __typename }` probes, one after the other, 20 ms apart, until `stop()`; their latencies, sorted. */
async function probe(api: Archipel, stop: () => boolean): Promise<number[]> {
  const ms: number[] = [];
  while (!stop()) {
    const p0 = performance.now();
    const res = await gql(api.url, '{ __typename }');
    if ((res.body.data as { __typename?: string } | undefined)?.__typename !== 'Query') throw new Error(`a probe failed: ${JSON.stringify(res.body)}`);
    ms.push(performance.now() - p0);
    await sleep(20);
  }
  return ms.sort((a, b) => a - b);
}

const summary = (sorted: number[]) =>
  `median ${fmt(quantile(sorted, 0.5))} ms, p99 ${fmt(quantile(sorted, 0.99))} ms, max ${fmt(sorted[sorted.length - 1])} ms, ${sorted.filter((m) => m > 100).length} over 100 ms`;

async function budgetRun(api: Archipel, printStalls: boolean): Promise<string> {
  // The floor first: the same probes on the idle server for 3 s (on a loaded machine it is far above 0).
  await api.reset();
  const idleUntil = performance.now() + 3000;
  const idle = await probe(api, () => performance.now() > idleUntil);
  const before = await api.read();
  await api.reset();
  const cpu0 = cpuMs(api.pid);
  let done = false;
  const t0 = performance.now();
  const heavy = gql(api.url, ISSUE_QUERY).finally(() => (done = true));
  const sorted = await probe(api, () => done);
  const res = await heavy;
  const heavyMs = performance.now() - t0;
  const cpu = cpuMs(api.pid) - cpu0;
  const during = await api.read();
  const live = await fetch(`${api.url}/livez`).then((r) => r.status, () => 0);
  const code = res.body.errors?.[0]?.extensions?.code ?? (res.body.errors ? '?' : 'none');
  return (
    `heavy: HTTP ${res.status}, ${code}, answered after ${fmt(heavyMs, 0)} ms | ` +
    `${sorted.length} probes during it: ${summary(sorted)} | ${idle.length} on the idle server before: ${summary(idle)} | server loop delay max ${fmt(during.delay.maxMs)} ms, p99 ${fmt(during.delay.p99Ms)} ms (idle: max ${fmt(before.delay.maxMs)} ms), ` +
    `${during.stalls.length} stalls over 100 ms | server CPU ${fmt(cpu, 0)} ms, GC pauses ${during.gc.count}, ${fmt(during.gc.totalMs, 0)} ms in all, max ${fmt(during.gc.maxMs)} ms | ` +
    `heap after GC ${fmt(before.heapUsedMb, 0)} → ${fmt(during.heapUsedMb, 0)} MB, RSS ${fmt(during.rssMb, 0)} MB | /livez ${live}` +
    (code === 'QUERY_TOO_COMPLEX' ? `\n    ${res.body.errors![0].message}` : '') +
    (during.stalls.length && printStalls ? `\n    stalls (µs, monotonic): ${JSON.stringify(during.stalls)}` : '')
  );
}

async function refusals(api: Archipel, n: number): Promise<string[]> {
  const out: string[] = [];
  for (const [name, query] of [['{ __typename }', '{ __typename }'], ['issue, 431 bytes', ISSUE_QUERY], ['issue, fragments', FRAGMENT_QUERY], ['500 aliases', ALIAS_QUERY]] as const) {
    const ts: number[] = [];
    let first = '';
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await gql(api.url, query);
      ts.push(performance.now() - t0);
      if (i === 0) first = `HTTP ${r.status} ${r.body.errors?.[0]?.extensions?.code ?? (r.body.errors ? '?' : 'answered')}`;
    }
    ts.sort((a, b) => a - b);
    out.push(`${name.padEnd(17)} ${first.padEnd(26)} median ${fmt(quantile(ts, 0.5))} ms, p90 ${fmt(quantile(ts, 0.9))} ms, max ${fmt(ts[ts.length - 1])} ms`);
  }
  return out;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      refusals: { type: 'string', default: '30' },
      'node-args': { type: 'string', default: '' },
      'server-output': { type: 'string' },
      baseline: { type: 'string' },
      stalls: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const nodeArgs = values['node-args']!.split(/\s+/).filter(Boolean);
  const store = await benchStore('S', 1000, Number(values.seed), log);
  log(`starting the embedded Neo4j on the S store (${store.allies} allies, seed ${store.seed})`);
  const neo4j = await startEmbeddedNeo4j({ home: store.home, port: await freePort(), heap: HEAP, pageCache: PAGE_CACHE, startupTimeoutMs: 180_000 });
  onInterrupt(() => neo4j.stop());
  const lines: string[] = [];
  // With --baseline, the runs alternate between that build and this one, so that both see the same load.
  const builds: [string, string][] = [['this build', fromRoot('dist', 'src', 'main.js')]];
  if (values.baseline) builds.unshift(['baseline', path.resolve(values.baseline)]);
  try {
    log('budget: Archipel with the limits before execution lifted (depth 30, estimate 10^12), budget 5 s / 100,000 items');
    const servers: [string, Archipel][] = [];
    try {
      for (const [name, main] of builds) {
        const api = await startArchipel(neo4j, { ARCHIPEL_MAX_DEPTH: '30', ARCHIPEL_MAX_ESTIMATED_NODES: '1000000000000' }, nodeArgs, values['server-output'], main);
        servers.push([name, api]);
        // Plan the heavy query's shapes first (pages of 2), so that the budget stops the answer's size, not Neo4j's planning.
        for (let i = 0; i < 5; i++) {
          const warm = await gql(api.url, ISSUE_QUERY.replaceAll('first: 100', 'first: 2'));
          if (!warm.body.errors) break;
          log(`warming: ${warm.body.errors[0].message.slice(0, 160)}`);
        }
      }
      for (let i = 1; i <= runs; i++) {
        for (const [name, api] of servers) {
          const line = await budgetRun(api, values.stalls!);
          const label = servers.length > 1 ? `run ${i}, ${name}` : `run ${i}`;
          log(`${label}: ${line}`);
          lines.push(`  ${label}: ${line}`);
        }
      }
    } finally {
      for (const [, api] of servers) await api.stop();
    }
    log('refusals: Archipel with the default limits');
    const defaults = await startArchipel(neo4j, {}, []);
    try {
      lines.push(...(await refusals(defaults, Number(values.refusals))).map((l) => `  ${l}`));
    } finally {
      await defaults.stop();
    }
  } finally {
    await neo4j.stop();
  }
  const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
  process.stdout.write(
    `# Request budget (issue #9), ${new Date().toISOString()}, ${codeVersion()}, load ${load} (${os.availableParallelism()} CPUs)\n` +
      `S store (1,000 allies), NODE_ENV=production; heavy request = the issue's 431-byte query, only the budget lifted\n` +
      `${lines.slice(0, runs * builds.length).join('\n')}\nrefusals (default limits), ${values.refusals} requests each:\n${lines.slice(runs * builds.length).join('\n')}\n`,
  );
  return 0;
}

runBench(main);
