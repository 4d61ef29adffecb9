import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../../src/paths';

export interface MainProcess {
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  lines: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForLog(msg: string, timeoutMs: number): Promise<Record<string, unknown>>;
}

/** Runs the built server (`node dist/src/main.js`, what npm start runs) with the given environment. */
export function startMain(env: Record<string, string>): MainProcess {
  const child = spawn(process.execPath, [fromRoot('dist', 'src', 'main.js')], {
    // A loaded CI machine plans a cold query in more than the API's 5 s: the test API gets 60 s for the
    // same reason (global-setup.ts). Tests of the timeouts themselves set their own.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', NEO4J_TX_TIMEOUT_S: '60', ARCHIPEL_REQUEST_TIMEOUT_S: '60', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let err = '';
  let buf = '';
  child.stdout!.on('data', (c: Buffer) => {
    buf += c.toString('utf8');
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        lines.push(JSON.parse(line));
      } catch {
        /* not JSON */
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return {
    child,
    lines,
    stderr: () => err,
    exited,
    async waitForLog(msg, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = lines.find((l) => l.msg === msg);
        if (hit) return hit;
        if (child.exitCode !== null) throw new Error(`main exited (${child.exitCode}) before logging "${msg}": ${err}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`main did not log "${msg}" within ${timeoutMs} ms; stderr: ${err}`);
    },
  };
}

/** True while the process runs (a zombie waiting to be reaped counts as gone). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

export async function waitUntil(cond: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  return cond();
}
