import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4jDriver from 'neo4j-driver';
import { EmbeddedNeo4j, freePort, startEmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { fromRoot, projectRoot } from '../src/paths';
import { codeVersion, HEAP, onInterrupt, PAGE_CACHE, runBench } from './harness';
import { compareSlugs, Comparison } from './compare';
import { Data, NETWORK_OPERATIONS, Operation, operations } from './operations';
import { networkReferences, pickReferences } from './references';
import { benchStore, BenchStore } from './store-cache';

/**
 * npm run bench -- [--scale S|M|L] [--seed 1] [--duration 5 (3 at S)] [--connections 1,16] [--only card,page-1]
 *                  [--allow-differences] [--cold] [--plans]
 *
 * The side-by-side benchmark (DESIGN §10, issue #10 item 10). One embedded Neo4j on the store of the
 * scale (S 1,000 allies, M 10,000, L 100,000; generated and imported once per scale and seed, cached:
 * bench/store-cache.ts), and three servers on it, each in its own process on 127.0.0.1:
 *   - archipel: `node dist/src/main.js`, as `npm start` builds it (warm-up on, demo data off);
 *   - library:  the Neo4j GraphQL Library 7 on bench/library/type-defs.graphql;
 *   - floor:    one hand-written Cypher per operation (bench/floor/), over plain HTTP.
 * Before any timing, every operation (bench/operations.ts) is asked once of each server and their
 * slugs must be the same; when they differ the run stops (exit 1) and prints where, unless
 * --allow-differences, which times them anyway and flags them in the results. Then autocannon
 * (--duration seconds per cell, after an untimed burst of a fifth of it) at each concurrency, the
 * three servers one after the other per operation: p50, p99, requests/s; for Archipel also Cypher
 * round trips per request (its log line of each request) and its resident memory. Results:
 * bench/results/<scale>-<date>.md and .json.
 */

const SCALES: Record<string, number> = { S: 1_000, M: 10_000, L: 100_000 };
const SERVERS = ['archipel', 'library', 'floor'] as const;
type ServerName = (typeof SERVERS)[number];
const LABEL: Record<ServerName, string> = { archipel: 'Archipel', library: '@neo4j/graphql', floor: 'hand-written' };
/** Archipel's warm-up may take a minute at L on a loaded machine. */
const READY_TIMEOUT_MS = 600_000;

const log = (line: string): void => void process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

interface RequestLine { count: number; roundTrips: number; errors: number }

interface Server {
  name: ServerName;
  pid: number;
  /** Where autocannon sends an operation's request. */
  url(op: Operation): string;
  body(op: Operation, variables: Data | undefined): string;
  /** Archipel only: per request id, what its log lines said. */
  requestLines?: Map<string, RequestLine>;
  stop(): Promise<void>;
}

/** A child server process; resolves once a stdout line matches `ready`, with every later line passed to `onLine`. */
async function spawnServer(
  name: ServerName, args: string[], env: NodeJS.ProcessEnv, ready: (line: string) => boolean, onLine?: (line: string) => void,
): Promise<{ child: ChildProcess; stop(): Promise<void>; stderr(): string }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: projectRoot });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-16 * 1024)));
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
    let pending = '';
    let isReady = false;
    const timer = setTimeout(() => reject(new Error(`${name} was not ready after ${READY_TIMEOUT_MS / 1000} s: ${stderr.slice(-800)}`)), READY_TIMEOUT_MS);
    child.stdout!.on('data', (d: Buffer) => {
      const lines = (pending + d.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        onLine?.(line);
        if (!isReady && ready(line)) {
          isReady = true;
          clearTimeout(timer);
          resolve();
        }
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready: ${stderr.slice(-1500)}`));
    });
  });
  return { child, stop, stderr: () => stderr };
}

const freeEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR });

async function startArchipel(neo4j: EmbeddedNeo4j, warmUp = true): Promise<Server & { warmUpMs?: number }> {
  const port = await freePort();
  const requestLines = new Map<string, RequestLine>();
  let warmUpMs: number | undefined;
  // An explicit environment: the developer's own variables must not change what is measured.
  const env = { ...freeEnv(), NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: '', NEO4J_DATABASE: 'neo4j', HOST: '127.0.0.1', PORT: String(port),
    // No rate limit: autocannon sends hundreds of requests a minute from one address (off by default
    // outside production; said explicitly, as the library and the floor have none).
    ARCHIPEL_DEMO_DATA: 'false', LOG_LEVEL: 'info', ARCHIPEL_RATE_LIMIT_PER_MIN: '0', ARCHIPEL_WARM_UP: String(warmUp) };
  const started = Date.now();
  const { child, stop } = await spawnServer('archipel', [fromRoot('dist', 'src', 'main.js')], env, (line) => {
    if (!line.includes(warmUp ? 'query plans warmed up' : 'Archipel is listening')) return false;
    warmUpMs = Date.now() - started;
    return true;
  }, (line) => {
    if (!line.includes('"graphql request"')) return;
    const entry = JSON.parse(line) as { reqId?: string; roundTrips?: number; errors?: number };
    const key = String(entry.reqId);
    const seen = requestLines.get(key) ?? { count: 0, roundTrips: 0, errors: 0 };
    seen.count += 1;
    seen.roundTrips += entry.roundTrips ?? 0;
    seen.errors += entry.errors ?? 0;
    requestLines.set(key, seen);
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    name: 'archipel', pid: child.pid!, requestLines, warmUpMs, stop,
    url: () => url,
    body: (op, variables) => JSON.stringify({ query: op.archipel.query, variables: variables ?? op.archipel.variables ?? {} }),
  };
}

/**
 * On a loaded machine, a Neo4j just started may plan Archipel's start-up queries (migrations) slower
 * than its 5 s transaction timeout, and Archipel then stops: try again (the plans are cached by then).
 */
async function startArchipelRetrying(neo4j: EmbeddedNeo4j, warmUp = true): Promise<Server & { warmUpMs?: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startArchipel(neo4j, warmUp);
    } catch (err) {
      if (attempt === 3) throw err;
      log(`Archipel did not start (attempt ${attempt}): ${(err as Error).message.split('\n')[0].slice(0, 300)}; starting it again`);
    }
  }
}

async function startLibrary(neo4j: EmbeddedNeo4j): Promise<Server> {
  let port = 0;
  const { child, stop } = await spawnServer('library', [fromRoot('dist', 'bench', 'servers', 'library-server.js'), '--neo4j', neo4j.uri],
    freeEnv(), (line) => { const m = /^listening (\d+)/.exec(line); if (m) port = Number(m[1]); return !!m; });
  return {
    name: 'library', pid: child.pid!, stop,
    url: () => `http://127.0.0.1:${port}/graphql`,
    body: (op) => JSON.stringify({ query: op.library.query, variables: op.library.variables ?? {} }),
  };
}

async function startFloor(neo4j: EmbeddedNeo4j): Promise<Server> {
  let port = 0;
  const { child, stop } = await spawnServer('floor', [fromRoot('dist', 'bench', 'servers', 'floor-server.js'), '--neo4j', neo4j.uri],
    freeEnv(), (line) => { const m = /^listening (\d+)/.exec(line); if (m) port = Number(m[1]); return !!m; });
  return {
    name: 'floor', pid: child.pid!, stop,
    url: (op) => `http://127.0.0.1:${port}/${op.floor.file}`,
    body: (op) => JSON.stringify(op.floor.params),
  };
}

/** One POST; GraphQL errors, a non-200 status or a floor error become an Error naming the server. */
async function ask(server: Server, op: Operation, variables: Data | undefined, requestId: string): Promise<Data> {
  const res = await fetch(server.url(op), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: server.body(op, variables),
  });
  const body = (await res.json()) as { data?: Data; errors?: { message: string; extensions?: { code?: string } }[]; rows?: Data[]; error?: string };
  if (body.errors?.length) throw new Error(`${LABEL[server.name]} answered errors: ${body.errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; ').slice(0, 600)}`);
  if (res.status !== 200) throw new Error(`${LABEL[server.name]} answered HTTP ${res.status}: ${(body.error ?? JSON.stringify(body)).slice(0, 600)}`);
  return server.name === 'floor' ? { rows: body.rows } : body.data!;
}

const slugsOf = (server: ServerName, op: Operation, answer: Data): string[] =>
  server === 'floor' ? op.slugs.floor(answer.rows as Data[]) : op.slugs[server](answer);

type Check = Comparison;

/** Asks `op` once of each server; the slugs must be equal. */
async function check(servers: Server[], op: Operation, variables: Data | undefined): Promise<Check> {
  const got = new Map<ServerName, string[] | Error>();
  for (const s of servers) {
    // Asked up to three times: a first request plans the query (the library and the floor have no
    // warm-up), and on a loaded machine that alone can outlast the 5 s transaction timeout.
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        got.set(s.name, slugsOf(s.name, op, await ask(s, op, variables, `bench-check-${op.name}`)));
        break;
      } catch (err) {
        got.set(s.name, err as Error);
        if (!/timed out|not completed within the timeout|QUERY_TOO_COMPLEX|took longer than/.test((err as Error).message)) break;
      }
    }
  }
  const failed = [...got].filter(([, v]) => v instanceof Error) as [ServerName, Error][];
  if (failed.length) return { same: false, slugs: 0, detail: failed.map(([, e]) => e.message).join('\n') };
  return compareSlugs(SERVERS.map((n) => [LABEL[n], got.get(n) as string[]]));
}

interface CellResult {
  /** Undefined when no request was answered within the cell (each took longer than --duration). */
  p50?: number;
  p99?: number;
  rps: number;
  /** Answered within the cell. */
  requests: number;
  /** Sent but not answered when the cell ended (slower than what was left of --duration). */
  unfinished: number;
  /** Responses with GraphQL errors, non-2xx, connection errors and timeouts. */
  errors: number;
  roundTrips?: number;
  rssPeakMb?: number;
}

const rssMb = (pid: number): number | undefined => {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
};

async function cell(server: Server, op: Operation, variables: Data | undefined, connections: number, duration: number, requestId = `bench-${op.name}-c${connections}`): Promise<CellResult> {
  let graphqlErrors = 0;
  let answered = 0;
  let rssPeakMb = rssMb(server.pid);
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb ?? 0, rssMb(server.pid) ?? 0)), 250);
  const result = await autocannon({
    url: server.url(op),
    connections,
    duration,
    timeout: 10,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: server.body(op, variables),
      onResponse: (_status: number, body: string) => {
        answered++;
        if (body.includes('"errors":[')) graphqlErrors++;
      },
    }],
  });
  clearInterval(sampler);
  const unfinished = Math.max(0, result.requests.sent - answered - result.errors);
  // Requests left running when the cell ends (up to one per connection) would slow the next cell
  // down: let the server finish them, for about twice the p99, or for Neo4j's transaction timeout
  // (5 s, which bounds each transaction) when nothing was answered.
  if (unfinished > 0) await new Promise((resolve) => setTimeout(resolve, answered ? Math.min(6_000, 2 * result.latency.p99) : 6_000));
  const lines = server.requestLines?.get(requestId);
  server.requestLines?.delete(requestId);
  return {
    p50: answered ? result.latency.p50 : undefined,
    p99: answered ? result.latency.p99 : undefined,
    rps: result.requests.average,
    requests: answered,
    unfinished,
    errors: graphqlErrors + result.non2xx + result.errors,
    roundTrips: lines ? lines.roundTrips / lines.count : undefined,
    rssPeakMb,
  };
}

function uptime(): { text: string; load1: number } {
  const text = spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim() || `load average ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`;
  return { text, load1: os.loadavg()[0] };
}

function machine(): Data {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr?.split('\n')[0]?.trim() || 'java not found';
  const pkg = (name: string) => (JSON.parse(readFileSync(fromRoot('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return {
    cores: os.availableParallelism(), cpu, memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)), os: `${os.type()} ${os.release()}`,
    node: process.version, java, neo4j: `embedded Community (neo4j/pom.xml), heap ${HEAP}, page cache ${PAGE_CACHE}, transaction timeout 5 s`,
    library: `@neo4j/graphql ${pkg('@neo4j/graphql')}`, autocannon: pkg('autocannon'),
  };
}

interface OperationResult {
  name: string;
  title: string;
  check: Check;
  /** By concurrency, then server. */
  cells: Record<string, Partial<Record<ServerName, CellResult>>>;
}

interface Results {
  scale: string;
  allies: number;
  seed: number;
  date: string;
  code: string;
  machine: Data;
  loadBefore: string;
  loadAfter?: string;
  durationS: number;
  connections: number[];
  store: { key: string; reused: boolean; relationships: number; generateLine: string; importSeconds?: number; buildSeconds?: number };
  references: Data;
  referencesWhy: string[];
  archipel: { warmUpMs?: number; rssAfterWarmUpMb?: number; rssPeakMb?: number };
  library: { rssPeakMb?: number };
  floor: { rssPeakMb?: number };
  operations: OperationResult[];
}

const ms = (n: number | undefined): string => (n === undefined ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
/** p50 of a cell: "> 5 s" when nothing was answered within it. */
const p50 = (x: CellResult | undefined, durationS: number): string => (!x ? '—' : x.p50 === undefined ? `> ${durationS} s` : ms(x.p50));
const ratio = (a: number | undefined, b: number | undefined): string => (a === undefined || b === undefined || b === 0 ? '—' : (a / b).toFixed(2));

function markdown(r: Results): string {
  const out = [
    `# Side-by-side benchmark, scale ${r.scale} (${r.allies.toLocaleString('en-US')} allies, seed ${r.seed}), ${r.date}`,
    '',
    `Code: ${r.code}. Machine: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, ${r.machine.os}; Node ${r.machine.node}; ${r.machine.java}; `
      + `Neo4j ${r.machine.neo4j}; ${r.machine.library}; autocannon ${r.machine.autocannon}.`,
    '',
    `Load before timing: \`${r.loadBefore}\`; after: \`${r.loadAfter ?? '—'}\`. The machine is shared: figures taken under load; ratios, not absolute times, are what compare.`,
    '',
    `Store: ${r.store.generateLine.replace(/ -> .*$/, '')}; ${r.store.reused ? 'reused from .cache/bench-stores/' : `generated and imported in ${r.store.buildSeconds?.toFixed(0)} s (import CLI ${r.store.importSeconds?.toFixed(1)} s)`} (key ${r.store.key.slice(0, 12)}).`,
    '',
    'References (from the generated bundle):',
    ...r.referencesWhy.map((w) => `- ${w}`),
    '',
    `Archipel: warm-up done ${r.archipel.warmUpMs === undefined ? '—' : `${(r.archipel.warmUpMs / 1000).toFixed(1)} s`} after its start; resident memory ${r.archipel.rssAfterWarmUpMb ?? '—'} MB after it, `
      + `${r.archipel.rssPeakMb ?? '—'} MB at most while timed (library ${r.library.rssPeakMb ?? '—'} MB, floor ${r.floor.rssPeakMb ?? '—'} MB).`,
    '',
    `autocannon, ${r.durationS} s per cell, each after an untimed burst of ${Math.max(0.5, r.durationS / 5)} s at its concurrency; p50 and p99 in ms ("> ${r.durationS} s": no answer within the cell); round trips: Archipel's Cypher transactions per request (from its log line); `
      + 'errors: answers with GraphQL errors or a non-2xx status / answers within the cell.',
  ];
  const differing = r.operations.filter((o) => !o.check.same);
  if (differing.length) {
    out.push('', `**ANSWERS DIFFER** (timed anyway with --allow-differences) for: ${differing.map((o) => o.name).join(', ')}:`, '');
    for (const o of differing) out.push('```', `${o.name}:`, o.check.detail ?? '', '```');
  }
  for (const c of r.connections) {
    out.push('', `## Concurrency ${c}`, '',
      '| operation | Archipel p50 | @neo4j/graphql p50 | hand-written p50 | Archipel ÷ library | Archipel ÷ floor | p99 A / L / F | req/s A / L / F | round trips | errors A / L / F |',
      '|---|---:|---:|---:|---:|---:|---|---|---:|---|');
    for (const o of r.operations) {
      const x = o.cells[String(c)] ?? {};
      const [a, l, f] = SERVERS.map((s) => x[s]);
      out.push(`| ${o.title.replace(/\|/g, '\\|')}${o.check.same ? '' : ' **(answers differ)**'} | ${p50(a, r.durationS)} | ${p50(l, r.durationS)} | ${p50(f, r.durationS)} | ${ratio(a?.p50, l?.p50)} | ${ratio(a?.p50, f?.p50)} | `
        + `${ms(a?.p99)} / ${ms(l?.p99)} / ${ms(f?.p99)} | ${SERVERS.map((s) => (x[s] ? x[s]!.rps.toFixed(0) : '—')).join(' / ')} | `
        + `${a?.roundTrips === undefined ? '—' : a.roundTrips.toFixed(1)} | ${SERVERS.map((s) => (x[s] ? `${x[s]!.errors}/${x[s]!.requests}` : '—')).join(' / ')} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

const USAGE = 'usage: npm run bench -- [--scale S|M|L] [--seed 1] [--duration 5 (3 at S)] [--connections 1,16] [--only name,name] [--allow-differences] [--cold] [--plans]';

/**
 * --cold (issue #10: "with ARCHIPEL_WARM_UP=false, the first request of each operation after a start
 * answers within 1 s"): a freshly started Neo4j (its plan cache empty) and Archipel with warm-up off,
 * then each operation asked once, one after the other, and timed from the client (the library and the
 * floor are not started). An operation's own preparation (page 2 reads page 1 for its cursor) runs
 * just before it, untimed. Results: bench/results/<scale>-<date>-cold.md.
 * --plans: the same, on a Neo4j whose JVM has run each operation once and whose plan caches were then
 * emptied: the planning of Archipel's texts alone (bench/results/<scale>-<date>-cold-plans.md).
 */
async function coldRun(neo4j: EmbeddedNeo4j, ops: Operation[], servers: Server[], scale: string, code: string, plansOnly: boolean): Promise<number> {
  if (plansOnly) {
    // The JVM compiles Neo4j's own code (Bolt, the planner, the runtime) on first use: every operation
    // is asked once, then the plan caches are emptied and Archipel started again. What is timed then
    // is the planning of each text, not the JVM's first use of the planner.
    log('--plans: asking each operation once (untimed), then emptying Neo4j\'s plan caches');
    const first = await startArchipelRetrying(neo4j, false);
    servers.push(first); // stopped below; on a failure, with the others (stop is idempotent)
    const gqlFirst = async (query: string, variables?: Data): Promise<Data> => ask(first, { ...ops[0], archipel: { query, variables } }, variables, 'bench-prepare');
    for (const op of ops) await ask(first, op, op.archipel.prepare ? await op.archipel.prepare(gqlFirst) : op.archipel.variables, 'bench-prepare').catch(() => undefined);
    await first.stop();
    const driver = neo4jDriver.driver(neo4j.uri, neo4jDriver.auth.basic('neo4j', ''));
    try {
      await driver.executeQuery('CALL db.clearQueryCaches()', {}, { database: 'neo4j' });
    } finally {
      await driver.close();
    }
  }
  log('starting Archipel (node dist/src/main.js) with ARCHIPEL_WARM_UP=false');
  const archipel = await startArchipelRetrying(neo4j, false);
  servers.push(archipel);
  const gqlArchipel = async (query: string, variables?: Data): Promise<Data> => ask(archipel, { ...ops[0], archipel: { query, variables } }, variables, 'bench-prepare');
  const load = uptime();
  const rows: { op: Operation; ms: number; error?: string }[] = [];
  for (const op of ops) {
    const variables = op.archipel.prepare ? await op.archipel.prepare(gqlArchipel) : op.archipel.variables;
    const started = performance.now();
    let error: string | undefined;
    try {
      await ask(archipel, op, variables, `bench-cold-${op.name}`);
    } catch (err) {
      error = (err as Error).message.slice(0, 200);
    }
    const ms = performance.now() - started;
    rows.push({ op, ms, error });
    log(`  cold ${op.name}: ${ms.toFixed(0)} ms${error ? ` (${error})` : ''}`);
  }
  const date = new Date().toISOString().slice(0, 10);
  const md = [
    `# First request of each operation after a start, warm-up off${plansOnly ? ', the JVM warm (plan caches emptied)' : ''}: scale ${scale}, ${date}`,
    '',
    `Code: ${code}. Machine: ${(({ cores, cpu, memoryGiB, node, java, neo4j: db }) => `${cores} cores (${cpu}), ${memoryGiB} GiB; Node ${node}; ${java}; Neo4j ${db}`)(machine() as { cores: number; cpu: string; memoryGiB: number; node: string; java: string; neo4j: string })}.`,
    `Load before: \`${load.text}\`; after: \`${uptime().text}\`.`,
    '',
    plansOnly
      ? 'An embedded Neo4j that has run each operation once, then `CALL db.clearQueryCaches()`, and Archipel started again with `ARCHIPEL_WARM_UP=false`: the planning of each text, without the JVM\'s first use of Neo4j\'s code. Each operation asked once, in this order; the time is the client\'s, request to answer.'
      : 'A freshly started embedded Neo4j (empty plan cache) and Archipel with `ARCHIPEL_WARM_UP=false`; each operation asked once, in this order; the time is the client\'s, request to answer. Issue #10\'s target: each within 1 s.',
    '',
    '| operation | ms | within 1 s | error |',
    '|---|---:|---|---|',
    ...rows.map((r) => `| ${r.op.title} | ${r.ms.toFixed(0)} | ${r.ms <= 1000 && !r.error ? 'yes' : 'no'} | ${r.error ?? ''} |`),
    '',
    `${rows.filter((r) => r.ms <= 1000 && !r.error).length} of ${rows.length} within 1 s.`,
    '',
  ].join('\n');
  const dir = fromRoot('bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${scale}-${date}-cold${plansOnly ? '-plans' : ''}.md`);
  writeFileSync(file, md);
  process.stdout.write(md);
  log(`results: ${path.relative(projectRoot, file)}`);
  return rows.some((r) => r.error) ? 1 : 0;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string', default: 'S' },
        seed: { type: 'string', default: '1' },
        duration: { type: 'string' },
        connections: { type: 'string', default: '1,16' },
        only: { type: 'string' },
        'allow-differences': { type: 'boolean', default: false },
        cold: { type: 'boolean', default: false },
        plans: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const scale = values.scale.toUpperCase();
  const allies = SCALES[scale];
  // 5 s per cell as in issue #10; 3 s at S, so that a first run from a fresh clone stays under 10 minutes.
  const duration = Number(values.duration ?? (scale === 'S' ? 3 : 5));
  const connections = values.connections.split(',').map(Number);
  if (!allies || !/^\d+$/.test(values.seed) || !(duration > 0) || connections.some((c) => !Number.isInteger(c) || c < 1)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const seed = Number(values.seed);
  const code = codeVersion();
  const store: BenchStore = await benchStore(scale, allies, seed, log);
  const { references, why } = pickReferences(store.picks);
  for (const w of why) log(`reference: ${w}`);
  const known = [...operations(references).map((o) => o.name), ...NETWORK_OPERATIONS];
  const wanted = values.only ? new Set(values.only.split(',')) : undefined;
  if (wanted) {
    const unknown = [...wanted].filter((n) => !known.includes(n));
    if (unknown.length) {
      process.stderr.write(`unknown operation(s) ${unknown.join(', ')}; known: ${known.join(', ')}\n`);
      return 2;
    }
  }

  log(`starting the embedded Neo4j on ${path.relative(projectRoot, store.home)}`);
  const neo4j = await startEmbeddedNeo4j({ home: store.home, port: await freePort(), heap: HEAP, pageCache: PAGE_CACHE, startupTimeoutMs: 180_000 });
  const servers: Server[] = [];
  const stopAll = async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
    await neo4j.stop().catch(() => undefined);
  };
  onInterrupt(stopAll);
  let ops: Operation[] = [];
  try {
    // Who works with whom needs references only the running store can give (bench/references.ts).
    if (!wanted || NETWORK_OPERATIONS.some((n) => wanted.has(n))) {
      const network = await networkReferences(neo4j.uri);
      references.network = network.network;
      for (const w of network.why) { why.push(w); log(`reference: ${w}`); }
    }
    ops = operations(references).filter((o) => !wanted || wanted.has(o.name));
    if (values.cold || values.plans) return await coldRun(neo4j, ops, servers, scale, code, values.plans);
    log('starting Archipel (node dist/src/main.js) and waiting for its warm-up, the library server and the floor server');
    const [archipel, library, floor] = await Promise.all([startArchipelRetrying(neo4j), startLibrary(neo4j), startFloor(neo4j)]);
    servers.push(archipel, library, floor);
    log(`Archipel warmed up ${((archipel.warmUpMs ?? 0) / 1000).toFixed(1)} s after its start (pid ${archipel.pid}); library pid ${library.pid}, floor pid ${floor.pid}`);
    const rssAfterWarmUpMb = rssMb(archipel.pid);

    const gqlArchipel = async (query: string, variables?: Data): Promise<Data> => {
      const probe: Operation = { ...ops[0], archipel: { query, variables } };
      return ask(archipel, probe, variables, 'bench-prepare');
    };
    const variables = new Map<string, Data | undefined>();
    for (const op of ops) variables.set(op.name, op.archipel.prepare ? await op.archipel.prepare(gqlArchipel) : op.archipel.variables);

    log('checking that the three servers return the same slugs');
    const results: OperationResult[] = [];
    for (const op of ops) {
      const c = await check(servers, op, variables.get(op.name));
      results.push({ name: op.name, title: op.title, check: c, cells: {} });
      if (c.same) log(`  ${op.name}: the same ${c.slugs} slugs from all three`);
      else process.stderr.write(`\n!!!!! ${op.name}: THE ANSWERS DIFFER\n${c.detail}\n\n`);
    }
    const differing = results.filter((r) => !r.check.same);
    if (differing.length && !values['allow-differences']) {
      process.stderr.write(`bench: the servers disagree on ${differing.map((r) => r.name).join(', ')}: nothing was timed `
        + '(fix the query that is wrong; --allow-differences times them anyway, flagged).\n');
      return 1;
    }

    // A few untimed requests each, so that no server's first planning is timed.
    for (const op of ops) for (const s of servers) for (let i = 0; i < 3; i++) await ask(s, op, variables.get(op.name), 'bench-warm').catch(() => undefined);

    const warmS = Math.max(0.5, duration / 5);
    const load = uptime();
    log(`uptime: ${load.text}`);
    if (load.load1 > os.availableParallelism()) log(`WARNING: the load (${load.load1.toFixed(2)}) is above the number of cores (${os.availableParallelism()}): the figures will be noisy`);
    const rssPeak: Partial<Record<ServerName, number>> = {};
    for (const c of connections) {
      for (const [i, op] of ops.entries()) {
        const r = results[i];
        r.cells[String(c)] = {};
        for (const s of servers) {
          // An untimed burst first, at the same concurrency: whichever server went first would
          // otherwise be timed while Neo4j's JIT still compiles the code of the cell's load (Bolt,
          // transactions, this operation's plan), and the next server would find it compiled.
          await cell(s, op, variables.get(op.name), c, warmS, `bench-warm-${op.name}-c${c}`);
          const x = await cell(s, op, variables.get(op.name), c, duration);
          r.cells[String(c)][s.name] = x;
          rssPeak[s.name] = Math.max(rssPeak[s.name] ?? 0, x.rssPeakMb ?? 0);
          log(`  c=${c} ${op.name} ${s.name}: p50 ${ms(x.p50)} ms, p99 ${ms(x.p99)} ms, ${x.rps.toFixed(0)} req/s`
            + `${x.roundTrips === undefined ? '' : `, ${x.roundTrips.toFixed(1)} round trips`}${x.errors ? `, ${x.errors} ERRORS of ${x.requests}` : ''}`
            + `${x.requests === 0 ? `, none answered within ${duration} s` : ''}`);
        }
      }
    }
    const date = new Date().toISOString().slice(0, 10);
    const report: Results = {
      scale, allies, seed, date, code, machine: machine(), loadBefore: load.text, loadAfter: uptime().text, durationS: duration, connections,
      store: { key: store.key, reused: store.reused, relationships: store.relationships, generateLine: store.generateLine,
        importSeconds: store.built?.importRun.cliSeconds, buildSeconds: store.built?.seconds },
      references: { ...references }, referencesWhy: why,
      archipel: { warmUpMs: archipel.warmUpMs, rssAfterWarmUpMb, rssPeakMb: rssPeak.archipel },
      library: { rssPeakMb: rssPeak.library },
      floor: { rssPeakMb: rssPeak.floor },
      operations: results,
    };
    const dir = fromRoot('bench', 'results');
    mkdirSync(dir, { recursive: true });
    // A run of some operations (--only) does not overwrite the full run's results: -network for the
    // operations of who works with whom, -only for any other selection.
    const networkOnly = wanted !== undefined && [...wanted].every((n) => NETWORK_OPERATIONS.includes(n));
    const base = path.join(dir, `${scale}-${date}${wanted === undefined ? '' : networkOnly ? '-network' : '-only'}`);
    const md = markdown(report);
    writeFileSync(`${base}.md`, md);
    writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(md);
    log(`results: ${path.relative(projectRoot, base)}.md and .json`);
    const errors = results.some((r) => Object.values(r.cells).some((x) => Object.values(x).some((y) => y && y.errors > 0)));
    return differing.length || errors ? 1 : 0;
  } finally {
    await stopAll();
  }
}

runBench(main);
