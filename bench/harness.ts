import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedNeo4j, freePort, startEmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { fromRoot, projectRoot } from '../src/paths';

/**
 * What the benchmarks share: a dedicated embedded Neo4j (heap 1g, page cache 512m) in a fresh
 * temporary store, the real CLIs run in their own processes, and the clean-up of both on any exit.
 * Ctrl-C or SIGTERM stops the children and the Neo4j and removes the temporary files; a Neo4j whose
 * parent dies anyhow stops by itself (its stdin pipe closes), and temporary directories left by an
 * abrupt exit are removed synchronously in the 'exit' handler.
 */

export const CHILD_TIMEOUT_MS = 30 * 60_000;
export const HEAP = '1g';
export const PAGE_CACHE = '512m';

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  timedOut: boolean;
  /** VmHWM of the child sampled every 500 ms: a lower bound of its peak RSS, known even when it fails. */
  sampledPeakRssMb?: number;
}

export interface ImportRun {
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

export interface GeneratedBundle {
  file: string;
  /** The generator's last stderr line (its summary). */
  generateLine: string;
  relationships: number;
  bundleMb: number;
  error?: string;
}

const active = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void>>();
const tempDirs = new Set<string>();

/** Ctrl-C or SIGTERM: stop the children and the Neo4j, remove the temporary files, then exit. */
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of active) child.kill('SIGTERM');
    void Promise.allSettled([...cleanups].map((f) => f())).finally(() => process.exit(130));
  });
}
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** Registers `fn` to run on Ctrl-C or SIGTERM; returns what unregisters it. */
export function onInterrupt(fn: () => Promise<void>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** A fresh temporary directory, removed by `remove()` or, at the latest, when the process exits (after any Ctrl-C clean-up). */
export function tempDir(prefix: string): { dir: string; remove(): Promise<void> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return {
    dir,
    async remove() {
      rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    },
  };
}

/** "10k", "100k": how a scale labels its progress lines and temporary directories. */
export const scaleLabel = (allies: number): string => `${allies / 1000}k`;

/** Runs one compiled CLI; its stderr is echoed line by line with the elapsed time, its stdout kept. */
export function runCli(cli: string, args: string[], env: NodeJS.ProcessEnv, label: string): Promise<ChildResult> {
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
export function failure(r: ChildResult): string {
  if (r.timedOut) return `killed after ${CHILD_TIMEOUT_MS / 60_000} min`;
  const lines = r.stderr.trim().split('\n').filter(Boolean);
  const own = lines.findIndex((l) => l.startsWith('archipel:'));
  const text = (own >= 0 ? lines.slice(own, own + 1) : lines.slice(-5)).join(' | ');
  return `exit code ${r.code}: ${text.slice(0, 1500)}`;
}

/** Reads the import CLI's summary: its own time, peak memory and created / updated / unchanged counts. */
export function parseImport(r: ChildResult): ImportRun {
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
export function peakRssMb(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `fn` against a dedicated embedded Neo4j in a fresh temporary store, always stopped and removed after. */
export async function withNeo4j<T>(label: string, fn: (neo4j: EmbeddedNeo4j) => Promise<T>): Promise<T> {
  const home = tempDir(`archipel-bench-${label}-`);
  let neo4j: EmbeddedNeo4j | undefined;
  const cleanup = async () => {
    await neo4j?.stop().catch(() => undefined);
    await home.remove();
  };
  const unregister = onInterrupt(cleanup);
  try {
    process.stderr.write(`[${label}] starting a dedicated embedded Neo4j in ${home.dir}\n`);
    neo4j = await startEmbeddedNeo4j({ home: home.dir, port: await freePort(), heap: HEAP, pageCache: PAGE_CACHE, startupTimeoutMs: 180_000 });
    return await fn(neo4j);
  } finally {
    await cleanup();
    unregister();
  }
}

/** The CLIs talk to the benchmark's Neo4j (no auth), never start their own. */
export const cliEnv = (neo4j: EmbeddedNeo4j): NodeJS.ProcessEnv => ({ ...process.env, NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: '', NEO4J_DATABASE: 'neo4j' });

/** `npm run generate` into `dir`: the bundle file, its size and the generator's summary line. */
export async function generateBundle(allies: number, seed: number, dir: string, label: string): Promise<GeneratedBundle> {
  const file = path.join(dir, `synthetic-${allies}-seed${seed}.json`);
  const gen = await runCli('generate', ['--allies', String(allies), '--seed', String(seed), '--out', file], process.env, `${label} generate`);
  const generateLine = gen.stderr.trim().split('\n').pop() ?? '';
  const rels = /(\d+) relationships \(/.exec(generateLine);
  const result: GeneratedBundle = { file, generateLine, relationships: rels ? Number(rels[1]) : NaN, bundleMb: 0 };
  if (gen.code !== 0 || !rels) return { ...result, error: `generate failed, ${failure(gen)}` };
  return { ...result, bundleMb: statSync(file).size / 1e6 };
}

/** `--allies 10000,100000`: the scales, or undefined when one is not a positive integer. */
export function parseScales(text: string): number[] | undefined {
  const scales = text.split(',').map((s) => Number(s.trim()));
  return scales.some((n) => !Number.isInteger(n) || n < 1) ? undefined : scales;
}

/** One line on the machine: CPUs, memory, OS, Node, Java, and the benchmark's Neo4j settings. */
export function machine(): string {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr?.split('\n')[0]?.trim() || 'java not found';
  return `${os.availableParallelism()} CPUs (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; `
    + `node ${process.version}; ${java}; embedded Neo4j heap ${HEAP}, page cache ${PAGE_CACHE}, store in ${os.tmpdir()}`;
}

/** The commit measured, and whether src/ or cypher/ differ from it (the Cypher files are read when the API starts). */
export function codeVersion(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8' });
  const rev = git('rev-parse', '--short', 'HEAD');
  if (rev.status !== 0) return 'unknown (not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src', 'cypher').stdout.trim();
  return `commit ${rev.stdout.trim()}${dirty ? ', with uncommitted changes in src/ or cypher/' : ''}`;
}

export const fmt = (n: number | undefined, digits = 1): string => (n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits));

/** Runs a benchmark's main: its result is the exit code; a crash is printed and exits 1. */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`bench: ${(err as Error)?.stack ?? err}\n`);
      process.exitCode = 1;
    },
  );
}
