import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { cliFail, cliSetup } from './cli-support';
import { connect } from '../db/connect';
import { readBundleFile } from '../modules/bundle/read-bundle-file';
import { existingKeysIn, importBundle, ImportProgress, ImportSummary, resolveCharter } from '../modules/bundle/import-bundle';

/**
 * npm run import -- FILE [--dry-run]
 * A JSON bundle, or a .csv of allies. Validates the whole file first; on any problem lists them all
 * with their places, exits 1 and writes nothing. Otherwise writes in batches and prints a summary.
 */
const USAGE = 'usage: npm run import -- FILE [--dry-run]   (FILE: a JSON bundle, or a .csv of allies)';

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { 'dry-run': { type: 'boolean', default: false }, 'batch-size': { type: 'string' } } });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (args.positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const file = args.positionals[0];
  const dryRun = args.values['dry-run'] ?? false;
  const batchSize = args.values['batch-size'] ? Number(args.values['batch-size']) : undefined;
  const { config, log } = cliSetup();
  const conn = await connect(config, log, { reuseRunning: true, operation: 'import', batch: true });
  process.stderr.write(`${dryRun ? 'dry run (nothing is written) against' : 'writing to'} ${conn.target}\n`);
  try {
    const started = Date.now();
    const read = await readBundleFile(file, existingKeysIn(conn.db));
    const charter = read.ok ? await resolveCharter(conn.db, read.bundle) : { problems: [] };
    const problems = read.ok ? charter.problems : read.problems;
    if (problems.length) {
      process.stderr.write(`${file}: ${problems.length} problem${problems.length > 1 ? 's' : ''}, nothing was written:\n`);
      for (const p of problems) process.stderr.write(`  ${p.path || '(file)'}: ${p.message}\n`);
      process.exitCode = 1;
      return;
    }
    const bundle = (read as { bundle: import('../modules/bundle/bundle.types').Bundle }).bundle;
    const summary = await importBundle(conn.db, bundle, charter.charterSlug, { dryRun, batchSize, onProgress: progressReporter() });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(formatSummary(summary, dryRun, seconds));
  } finally {
    await conn.close();
  }
}

/** A progress bar on a terminal; a plain line per type (and every 10%) otherwise. */
function progressReporter(): (p: ImportProgress) => void {
  const tty = Boolean(process.stderr.isTTY);
  let bar: SingleBar | undefined;
  let lastType = '';
  let lastTenth = -1;
  return (p) => {
    if (p.total === 0) return;
    if (tty) {
      if (p.type !== lastType) {
        bar?.stop();
        bar = new SingleBar({ format: `${p.type.padEnd(13)} [{bar}] {value}/{total}`, stream: process.stderr }, Presets.shades_classic);
        bar.start(p.total, p.done);
        lastType = p.type;
      }
      bar!.update(p.done);
      if (p.done === p.total) bar!.stop();
      return;
    }
    const tenth = Math.floor((p.done / p.total) * 10);
    if (p.type !== lastType || tenth !== lastTenth) {
      process.stderr.write(`${p.type}: ${p.done}/${p.total}\n`);
      lastType = p.type;
      lastTenth = tenth;
    }
  };
}

export function formatSummary(summary: ImportSummary, dryRun: boolean, seconds: number): string {
  const rows = Object.entries(summary).filter(([, c]) => c.created + c.updated + c.unchanged > 0);
  const lines = [
    dryRun
      ? 'dry run: nothing was written; this import would apply:'
      : `imported in ${seconds.toFixed(1)} s (peak memory of this process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB):`,
    `  ${'type'.padEnd(13)} ${'created'.padStart(8)} ${'updated'.padStart(8)} ${'unchanged'.padStart(9)}`,
    ...rows.map(([type, c]) => `  ${type.padEnd(13)} ${String(c.created).padStart(8)} ${String(c.updated).padStart(8)} ${String(c.unchanged).padStart(9)}`),
  ];
  return `${lines.join('\n')}\n`;
}

main().catch(cliFail);
