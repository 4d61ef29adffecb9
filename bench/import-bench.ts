import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedNeo4j, freePort, startEmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { fromRoot } from '../src/paths';

/**
 * npm run bench:import -- [--allies 10000,100000] [--seed 1] [--batch-size N]
 *
 * A benchmark, not a timed test: it measures the real CLIs (`generate`, `import`, `territories --all`)
 * as a user runs them, each in its own process, against a dedicated embedded Neo4j (heap 1g, page
 * cache 512m) in a fresh temporary store per scale, so that every first import starts from an empty
 * graph and nothing touches the developer's .data/. Per scale: a first import, then the same file
 * again (which must create and update nothing). Prints a markdown table on stdout; the children's
 * progress goes to stderr, time-stamped, so slow phases show. Every child is killed after
 * CHILD_TIMEOUT_MS so the run always ends; the Neo4j and the temporary files are removed on any exit.
 */

const CHILD_TIMEOUT_MS = 30 * 60_000;
const HEAP = '1g';
const PAGE_CACHE = '512m';

interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  timedOut: boolean;
  /** VmHWM of the child sampled every 500 ms: a lower bound of its peak RSS, known even when it fails. */
  sampledPeakRssMb?: number;
}

interface ImportRun {
  /** The CLI's own "imported in X s" (reading, validation and writes; not the connection and migrations). */
  cliSeconds?: number;
  /** Around the whole child process (node start, connection, migrations included). */
  wallSeconds: number;
  /** From the CLI's summary; when it failed, the sampled lower bound, printed with "≥". */
  peakRssMb?: number;
  peakRssSampled?: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** Peak RSS of the Neo4j JVM since its start, read right after this import. */
  neo4jPeakRssMb?: number;
  error?: string;
}

interface ScaleResult {
  allies: number;
  relationships: number;
  bundleMb: number;
  generateLine: string;
  first?: ImportRun;
  second?: ImportRun;
  error?: string;
}

const active = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void>>();

/** Ctrl-C or SIGTERM: stop the children and the Neo4j, remove the temporary files, then exit. */
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of active) child.kill('SIGTERM');
    void Promise.allSettled([...cleanups].map((f) => f())).finally(() => process.exit(130));
  });
}

/** Runs one compiled CLI; its stderr is echoed line by line with the elapsed time, its stdout kept. */
function runCli(cli: string, args: string[], env: NodeJS.ProcessEnv, label: string): Promise<ChildResult> {
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  const child = spawn(process.execPath, [fromRoot('dist', 'src', 'cli', `${cli}.js`), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  active.add(child);
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => {
    const text = d.toString('utf8');
    stderr = (stderr + text).slice(-64 * 1024);
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) process.stderr.write(`[${label} +${elapsed().toFixed(1)}s] ${line}\n`);
  });
  let sampledPeakRssMb: number | undefined;
  const sampler = setInterval(() => (sampledPeakRssMb = peakRssMb(child.pid!) ?? sampledPeakRssMb), 500);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, CHILD_TIMEOUT_MS);
  return new Promise((resolve) => {
    child.once('close', (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      active.delete(child);
      if (pending) process.stderr.write(`[${label} +${elapsed().toFixed(1)}s] ${pending}\n`);
      resolve({ code, stdout, stderr, seconds: elapsed(), timedOut, sampledPeakRssMb });
    });
  });
}

/** The failure of a child in a few words: its own "archipel: …" sentence, or its last lines. */
function failure(r: ChildResult): string {
  if (r.timedOut) return `killed after ${CHILD_TIMEOUT_MS / 60_000} min`;
  const lines = r.stderr.trim().split('\n').filter(Boolean);
  const own = lines.findIndex((l) => l.startsWith('archipel:'));
  const text = (own >= 0 ? lines.slice(own, own + 1) : lines.slice(-5)).join(' | ');
  return `exit code ${r.code}: ${text.slice(0, 1500)}`;
}

function parseImport(r: ChildResult): ImportRun {
  const run: ImportRun = { wallSeconds: r.seconds, created: 0, updated: 0, unchanged: 0 };
  const m = /imported in ([\d.]+) s \(peak memory of this process: (\d+) MB\)/.exec(r.stdout);
  if (r.code !== 0 || !m) return { ...run, peakRssMb: r.sampledPeakRssMb, peakRssSampled: true, error: failure(r) };
  for (const row of r.stdout.matchAll(/^\s+\S+\s+(\d+)\s+(\d+)\s+(\d+)\s*$/gm)) {
    run.created += Number(row[1]);
    run.updated += Number(row[2]);
    run.unchanged += Number(row[3]);
  }
  return { ...run, cliSeconds: Number(m[1]), peakRssMb: Number(m[2]) };
}

/** VmHWM (peak resident set) of a live process, in MB; undefined when /proc cannot say. */
function peakRssMb(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `fn` against a dedicated embedded Neo4j in a fresh temporary store, always stopped and removed after. */
async function withNeo4j<T>(label: string, fn: (neo4j: EmbeddedNeo4j) => Promise<T>): Promise<T> {
  const home = mkdtempSync(path.join(os.tmpdir(), `archipel-bench-${label}-`));
  let neo4j: EmbeddedNeo4j | undefined;
  const cleanup = async () => {
    await neo4j?.stop().catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
  };
  cleanups.add(cleanup);
  try {
    process.stderr.write(`[${label}] starting a dedicated embedded Neo4j in ${home}\n`);
    neo4j = await startEmbeddedNeo4j({ home, port: await freePort(), heap: HEAP, pageCache: PAGE_CACHE, startupTimeoutMs: 180_000 });
    return await fn(neo4j);
  } finally {
    await cleanup();
    cleanups.delete(cleanup);
  }
}

/** The CLIs talk to the benchmark's Neo4j (no auth), never start their own. */
const cliEnv = (neo4j: EmbeddedNeo4j): NodeJS.ProcessEnv => ({ ...process.env, NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: '', NEO4J_DATABASE: 'neo4j' });

async function benchScale(allies: number, seed: number, tmp: string, batchArgs: string[]): Promise<ScaleResult> {
  const label = `${allies / 1000}k`;
  const file = path.join(tmp, `synthetic-${allies}-seed${seed}.json`);
  const gen = await runCli('generate', ['--allies', String(allies), '--seed', String(seed), '--out', file], process.env, `${label} generate`);
  const generateLine = gen.stderr.trim().split('\n').pop() ?? '';
  const rels = /(\d+) relationships \(/.exec(generateLine);
  const result: ScaleResult = { allies, relationships: rels ? Number(rels[1]) : NaN, bundleMb: 0, generateLine };
  if (gen.code !== 0 || !rels) return { ...result, error: `generate failed, ${failure(gen)}` };
  result.bundleMb = statSync(file).size / 1e6;
  return withNeo4j(label, async (neo4j) => {
    const env = cliEnv(neo4j);
    result.first = parseImport(await runCli('import', [file, ...batchArgs], env, `${label} import 1`));
    result.first.neo4jPeakRssMb = peakRssMb(neo4j.pid);
    if (result.first.error) return result;
    result.second = parseImport(await runCli('import', [file, ...batchArgs], env, `${label} import 2`));
    result.second.neo4jPeakRssMb = peakRssMb(neo4j.pid);
    return result;
  });
}

async function benchTerritories(): Promise<string> {
  return withNeo4j('territories', async (neo4j) => {
    const r = await runCli('territories', ['--all'], cliEnv(neo4j), 'territories --all');
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.code !== 0 || !line.startsWith('official geography loaded')) return `FAILED (${failure(r)})`;
    return `${line} (process wall time ${r.seconds.toFixed(1)} s, connection and migrations included)`;
  });
}

function machine(): string {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr?.split('\n')[0]?.trim() || 'java not found';
  return `${os.availableParallelism()} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; `
    + `node ${process.version}; ${java}; embedded Neo4j heap ${HEAP}, page cache ${PAGE_CACHE}, store in ${os.tmpdir()}`;
}

const fmt = (n: number | undefined, digits = 1): string => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits));
const rate = (count: number, seconds: number | undefined): string => (seconds ? Math.round(count / seconds).toLocaleString('en-US') : '—');

function table(results: ScaleResult[]): string {
  const out = [
    '| allies | relationships | bundle MB | import | CLI time s | process wall s | allies/s | relationships/s | import peak RSS MB | Neo4j peak RSS MB | created / updated / unchanged |',
    '|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const s of results) {
    const runs: [string, ImportRun | undefined][] = [['first', s.first], ['second', s.second]];
    for (const [name, r] of runs) {
      if (!r) continue;
      const counts = r.error ? `FAILED: ${r.error.replace(/\|/g, '\\|')}` : `${r.created} / ${r.updated} / ${r.unchanged}`
        + (name === 'second' ? (r.created + r.updated === 0 ? ' (idempotent)' : ' (NOT idempotent)') : '');
      const rss = r.peakRssMb === undefined ? '—' : `${r.peakRssSampled ? '≥' : ''}${r.peakRssMb}`;
      out.push(`| ${s.allies} | ${s.relationships} | ${fmt(s.bundleMb)} | ${name} | ${fmt(r.cliSeconds)} | ${fmt(r.wallSeconds)} | `
        + `${rate(s.allies, r.cliSeconds)} | ${rate(s.relationships, r.cliSeconds)} | ${rss} | ${r.neo4jPeakRssMb ?? '—'} | ${counts} |`);
    }
    if (s.error) out.push(`| ${s.allies} | — | — | — | — | — | — | — | — | — | FAILED: ${s.error.replace(/\|/g, '\\|')} |`);
  }
  return out.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      allies: { type: 'string', default: '10000,100000' },
      seed: { type: 'string', default: '1' },
      'batch-size': { type: 'string' },
    },
  });
  const scales = values.allies.split(',').map((s) => Number(s.trim()));
  if (scales.some((n) => !Number.isInteger(n) || n < 1) || !/^\d+$/.test(values.seed)) {
    process.stderr.write('usage: npm run bench:import -- [--allies 10000,100000] [--seed 1] [--batch-size N]\n');
    return 2;
  }
  const batchArgs = values['batch-size'] ? ['--batch-size', values['batch-size']] : [];
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'archipel-bench-bundles-'));
  const removeTmp = async () => rmSync(tmp, { recursive: true, force: true });
  cleanups.add(removeTmp);
  const results: ScaleResult[] = [];
  let territories: string;
  try {
    for (const allies of scales) results.push(await benchScale(allies, Number(values.seed), tmp, batchArgs));
    territories = await benchTerritories();
  } finally {
    await removeTmp();
  }
  const lines = [
    `## Import benchmark (${new Date().toISOString().slice(0, 10)}, seed ${values.seed}${batchArgs.length ? `, batch size ${values['batch-size']}` : ''})`,
    '',
    `Machine: ${machine()}.`,
    '',
    table(results),
    '',
    'CLI time: the import\'s own summary (reading, validation, writes); process wall: the whole child process, '
      + 'node start, connection and migrations included. Rates use the CLI time. Neo4j peak RSS: VmHWM of the JVM since its start, after that import.',
    '',
    ...results.map((s) => `- generate ${s.allies}: ${s.generateLine}`),
    `- territories --all (fresh store): ${territories}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const failed = results.some((s) => s.error || !s.first || s.first.error || !s.second || s.second.error || s.second.created + s.second.updated > 0)
    || territories.startsWith('FAILED');
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error)?.stack ?? err}\n`);
    process.exitCode = 1;
  },
);
