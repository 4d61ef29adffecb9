import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { cliFail, cliSetup } from './cli-support';
import { connect } from '../db/connect';
import { exportBundle } from '../modules/bundle/export-bundle';

/** npm run export -- FILE : the whole graph as a bundle (a backup: private persons and emails included). */
async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    process.stderr.write('usage: npm run export -- FILE\n');
    process.exit(2);
  }
  const { config, log } = cliSetup();
  const conn = await connect(config, log, { reuseRunning: true, operation: 'export', batch: true });
  process.stderr.write(`reading from ${conn.target}\n`);
  try {
    const bundle = await exportBundle(conn.db);
    await writeFile(positionals[0], `${JSON.stringify(bundle, null, 2)}\n`);
    const counts = Object.entries(bundle)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => `${k} ${(v as unknown[]).length}`)
      .join(', ');
    process.stdout.write(`exported to ${positionals[0]}: ${counts}\n`);
  } finally {
    await conn.close();
  }
}

main().catch(cliFail);
