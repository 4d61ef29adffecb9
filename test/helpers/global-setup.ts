import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { fromRoot } from '../../src/paths';

/**
 * Starts ONE embedded Neo4j for the whole integration run, on a free port, in a fresh temporary
 * store (never the developer's .data/), with a 60 s transaction timeout instead of 5 s: shared CI
 * machines are noisy, and a timeout there would be a false failure, not a finding. Also builds
 * dist/ (incremental tsc) so that tests can run the real `node dist/src/main.js` process.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [fromRoot('node_modules', 'typescript', 'bin', 'tsc'), '-p', fromRoot('tsconfig.build.json')], {
    stdio: 'inherit',
  });
  const home = mkdtempSync(path.join(os.tmpdir(), 'archipel-test-neo4j-'));
  const port = await freePort();
  const neo4j = await startEmbeddedNeo4j({ home, port, heap: '768m', pageCache: '128m', startupTimeoutMs: 180_000, transactionTimeoutS: 60 });
  process.env.ARCHIPEL_TEST_NEO4J_URI = neo4j.uri;
  process.env.ARCHIPEL_TEST_NEO4J_HOME = home;
  (globalThis as { __archipelNeo4j?: typeof neo4j }).__archipelNeo4j = neo4j;
}
