import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { cliFail, cliSetup } from './cli-support';
import { connect } from '../db/connect';
import { loadOfficialTerritories } from '../modules/territory/load-territories';

/**
 * npm run territories -- --all : loads the whole official geography (COG: régions, départements,
 * EPCI, communes) with its PART_OF chains. Imports create only the territories they reference;
 * this is for users who want every commune in the graph.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
  if (!values.all) {
    process.stderr.write('usage: npm run territories -- --all   (loads every commune, EPCI, département and région of the COG)\n');
    process.exit(2);
  }
  const { config, log } = cliSetup();
  const conn = await connect(config, log, { reuseRunning: true, operation: 'territories', batch: true });
  process.stderr.write(`writing to ${conn.target}\n`);
  try {
    const started = Date.now();
    const counts = await loadOfficialTerritories(conn.db, (done, total) => {
      if (done === total || done % 5000 === 0) process.stderr.write(`territories: ${done}/${total}\n`);
    });
    process.stdout.write(
      `official geography loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.created} created, ${counts.unchanged} already there\n`,
    );
  } finally {
    await conn.close();
  }
}

main().catch(cliFail);
