import { parseArgs } from 'node:util';
import {
  cliEnv, failure, fmt, generateBundle, ImportRun, machine, parseImport, parseScales, peakRssMb, runCli, scaleLabel, tempDir, withNeo4j,
  runBench,
} from './harness';

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

interface ScaleResult {
  allies: number;
  relationships: number;
  bundleMb: number;
  generateLine: string;
  first?: ImportRun;
  second?: ImportRun;
  error?: string;
}

async function benchScale(allies: number, seed: number, tmp: string, batchArgs: string[]): Promise<ScaleResult> {
  const label = scaleLabel(allies);
  const gen = await generateBundle(allies, seed, tmp, label);
  const result: ScaleResult = { allies, relationships: gen.relationships, bundleMb: gen.bundleMb, generateLine: gen.generateLine };
  if (gen.error) return { ...result, error: gen.error };
  return withNeo4j(label, async (neo4j) => {
    const env = cliEnv(neo4j);
    result.first = parseImport(await runCli('import', [gen.file, ...batchArgs], env, `${label} import 1`));
    result.first.neo4jPeakRssMb = peakRssMb(neo4j.pid);
    if (result.first.error) return result;
    result.second = parseImport(await runCli('import', [gen.file, ...batchArgs], env, `${label} import 2`));
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
  const scales = parseScales(values.allies);
  if (!scales || !/^\d+$/.test(values.seed)) {
    process.stderr.write('usage: npm run bench:import -- [--allies 10000,100000] [--seed 1] [--batch-size N]\n');
    return 2;
  }
  const batchArgs = values['batch-size'] ? ['--batch-size', values['batch-size']] : [];
  const bundles = tempDir('archipel-bench-bundles-');
  const results: ScaleResult[] = [];
  let territories: string;
  try {
    for (const allies of scales) results.push(await benchScale(allies, Number(values.seed), bundles.dir, batchArgs));
    territories = await benchTerritories();
  } finally {
    await bundles.remove();
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

runBench(main);
