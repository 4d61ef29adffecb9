import { ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromRoot } from '../paths';
import { chooseMaven, PARALLEL_RESOLUTION_FLAGS } from './maven';

const run = promisify(execFile);

/**
 * Starts and stops the embedded Neo4j Community (neo4j/Launcher.java) for development and tests.
 *
 * The classpath is resolved once by Maven (./maven.ts says which one) and cached under .cache/
 * (refreshed when neo4j/pom.xml changes); the launcher is compiled once with javac (refreshed when
 * Launcher.java changes).
 * The JVM's stdin is a pipe held by this process: when Node dies, even by kill -9, the pipe
 * closes and the launcher shuts Neo4j down by itself (see Launcher.java).
 */
export interface EmbeddedNeo4jOptions {
  /** Store directory (Neo4j home); created when missing. */
  home: string;
  port: number;
  heap?: string;
  pageCache?: string;
  startupTimeoutMs?: number;
  /** Server-side transaction timeout (DESIGN §7: 5 s). Tests raise it: a loaded CI machine plans slowly. */
  transactionTimeoutS?: number;
  /** Called with progress sentences ("resolving the Neo4j classpath with Maven…"). */
  onProgress?: (message: string) => void;
}

export class EmbeddedNeo4jError extends Error {}

export interface EmbeddedNeo4j {
  readonly uri: string;
  readonly pid: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

const READY = 'ARCHIPEL_NEO4J_READY';
const cacheDir = fromRoot('.cache');

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

async function commandVersion(cmd: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run(cmd, args, { timeout: 30_000 });
    return `${stdout}\n${stderr}`;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') return undefined;
    return `${e.stdout ?? ''}\n${e.stderr ?? ''}`;
  }
}

/** Java ≥ 17 and Maven on PATH, or one sentence saying what to install. */
export async function checkPrerequisites(): Promise<void> {
  const java = await commandVersion('java', ['-version']);
  if (java === undefined) {
    throw new EmbeddedNeo4jError(
      'Java was not found on PATH: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(java);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : NaN;
  if (!(major >= 17)) {
    throw new EmbeddedNeo4jError(
      `Java ${Number.isNaN(major) ? '(unknown version)' : major} was found but Neo4j 5.26 needs Java 17 or newer: install JDK 17+ and put it first on PATH, or set NEO4J_URI.`,
    );
  }
  if ((await commandVersion('mvn', ['-v'])) === undefined) {
    throw new EmbeddedNeo4jError(
      'Maven (mvn) was not found on PATH: install Maven 3.8 or newer (e.g. apt-get install maven), or set NEO4J_URI to use an existing Neo4j.',
    );
  }
}

/** The Neo4j classpath, from the cache when neo4j/pom.xml has not changed and every jar is still there. */
export async function resolveClasspath(onProgress?: (m: string) => void): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const pom = fromRoot('neo4j', 'pom.xml');
  const cpFile = path.join(cacheDir, 'neo4j-classpath.txt');
  const stampFile = path.join(cacheDir, 'neo4j-classpath.sha256');
  const stamp = sha256(pom);
  if (existsSync(cpFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    const cp = readFileSync(cpFile, 'utf8').trim();
    if (cp && cp.split(path.delimiter).every((jar) => existsSync(jar))) return cp;
  }
  const maven = await chooseMaven(cacheDir, onProgress);
  if (maven.fallbackReason) onProgress?.(`${maven.fallbackReason}: resolving with ${maven.label} instead, which is slower`);
  onProgress?.(`resolving the Neo4j classpath with ${maven.label} (the first run downloads ~140 MB)…`);
  try {
    await run(maven.command, ['-q', '-B', ...PARALLEL_RESOLUTION_FLAGS, '-f', pom, 'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`], {
      timeout: 15 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    const detail = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-5).join(' | ');
    throw new EmbeddedNeo4jError(
      `Maven could not resolve org.neo4j:neo4j from neo4j/pom.xml (network or Maven settings?): ${detail || e.message}`,
    );
  }
  writeFileSync(stampFile, stamp);
  return readFileSync(cpFile, 'utf8').trim();
}

/** Compiles Launcher.java once into .cache/launcher (javac is faster than source launch on every start). */
async function compileLauncher(classpath: string): Promise<string> {
  const src = fromRoot('neo4j', 'Launcher.java');
  const outDir = path.join(cacheDir, 'launcher');
  const stampFile = path.join(outDir, 'Launcher.sha256');
  const stamp = sha256(src);
  if (existsSync(path.join(outDir, 'Launcher.class')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return outDir;
  }
  mkdirSync(outDir, { recursive: true });
  try {
    await run('javac', ['-nowarn', '-cp', classpath, '-d', outDir, src], { timeout: 120_000 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new EmbeddedNeo4jError(`javac could not compile neo4j/Launcher.java (is a full JDK installed, not only a JRE?): ${e.stderr ?? e.message}`);
  }
  writeFileSync(stampFile, stamp);
  return outDir;
}

/** Resolves when the TCP port is free on 127.0.0.1; rejects with a clear sentence otherwise. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', () =>
      reject(
        new EmbeddedNeo4jError(
          `port ${port} on 127.0.0.1 is already in use (another Neo4j?): stop that process, or set NEO4J_EMBEDDED_PORT to a free port, or set NEO4J_URI to use that Neo4j.`,
        ),
      ),
    );
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
}

/** A free TCP port on 127.0.0.1 (for tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function explainEarlyExit(output: string, home: string, logFile: string): string {
  if (/lock|FileLockException|StoreLocked/i.test(output)) {
    return `the Neo4j store at ${home} is locked by another Neo4j process: stop it (or point ARCHIPEL_DATA_DIR elsewhere) and start again. Log: ${logFile}`;
  }
  if (/Address already in use|BindException/i.test(output)) {
    return `Neo4j could not bind its Bolt port (already in use): set NEO4J_EMBEDDED_PORT to a free port. Log: ${logFile}`;
  }
  const last = output.trim().split('\n').filter(Boolean).slice(-3).join(' | ');
  return `the embedded Neo4j stopped before it was ready${last ? ` (${last.slice(0, 400)})` : ''}. Log: ${logFile} and ${path.join(home, 'logs', 'debug.log')}`;
}

/** Starts the embedded Neo4j and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions): Promise<EmbeddedNeo4j> {
  await checkPrerequisites();
  await assertPortFree(opts.port);
  const classpath = await resolveClasspath(opts.onProgress);
  const launcherDir = await compileLauncher(classpath);

  const home = path.resolve(opts.home);
  mkdirSync(path.join(home, 'logs'), { recursive: true });
  const logFile = path.join(home, 'logs', 'launcher.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`--- ${new Date().toISOString()} starting embedded Neo4j on 127.0.0.1:${opts.port}\n`);

  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    '-XX:+UseG1GC',
    '--add-opens', 'java.base/java.nio=ALL-UNNAMED',
    '--add-opens', 'java.base/java.io=ALL-UNNAMED',
    '--add-opens', 'java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp', `${launcherDir}${path.delimiter}${classpath}`,
    'Launcher', home, String(opts.port), opts.pageCache ?? '256m', String(opts.transactionTimeoutS ?? 5),
  ];
  const child: ChildProcess = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    log.write(chunk);
    if (output.length < 64 * 1024) output += chunk.toString('utf8');
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  // The launcher exits when this pipe closes; never write to it, never end it before stop().
  child.stdin!.on('error', () => undefined);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const uri = `bolt://127.0.0.1:${opts.port}`;

  await new Promise<void>((resolve, reject) => {
    const timeoutMs = opts.startupTimeoutMs ?? 120_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedNeo4jError(`the embedded Neo4j was not ready after ${timeoutMs / 1000} s. Log: ${logFile}`));
    }, timeoutMs);
    const onData = () => {
      if (output.includes(READY)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`could not run java: ${err.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new EmbeddedNeo4jError(`${explainEarlyExit(output, home, logFile)} (exit code ${code})`));
    });
  });

  let stopping: Promise<void> | undefined;
  return {
    uri,
    pid: child.pid!,
    logFile,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(killer);
        }
        await new Promise<void>((r) => log.end(r));
      })();
      return stopping;
    },
  };
}
