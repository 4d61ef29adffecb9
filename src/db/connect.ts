import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createDriver, waitForNeo4j } from './driver';
import { Database } from './database';
import { EmbeddedNeo4j, startEmbeddedNeo4j } from './embedded-neo4j';
import { applyMigrations, readMigrations, MigrationFile } from './migrations';

export interface Connection {
  driver: Driver;
  db: Database;
  embedded?: EmbeddedNeo4j;
  migrations: MigrationFile[];
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names and applies the migrations: NEO4J_URI when set;
 * otherwise the embedded Neo4j in ARCHIPEL_DATA_DIR, started here. With `reuseRunning` (command-line
 * tools), an embedded Neo4j already serving on NEO4J_EMBEDDED_PORT (a running `npm start`) is used
 * instead of starting a second one on the same, locked, store. `batch` tools get the longer
 * transaction timeout (ARCHIPEL_BATCH_TX_TIMEOUT_S) instead of the API's (NEO4J_TX_TIMEOUT_S);
 * the migrations always run with the batch timeout (start-up work, not a request).
 */
export async function connect(config: Config, log: Logger, opts: { reuseRunning?: boolean; operation: string; batch?: boolean }): Promise<Connection> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.neo4j.uri;
  let driver: Driver | undefined;
  if (!uri && opts.reuseRunning) {
    const candidate = `bolt://127.0.0.1:${config.embedded.port}`;
    const probe = createDriver(candidate, config.neo4j);
    try {
      await probe.verifyConnectivity({ database: config.neo4j.database });
      uri = candidate;
      driver = probe;
      log.info({ uri }, 'using the embedded Neo4j of the running server');
    } catch {
      await probe.close();
    }
  }
  try {
    if (!uri) {
      const home = path.join(config.embedded.dataDir, 'neo4j');
      log.info({ home, port: config.embedded.port }, 'NEO4J_URI is unset: starting the embedded Neo4j');
      embedded = await startEmbeddedNeo4j({
        home,
        port: config.embedded.port,
        heap: config.embedded.heap,
        pageCache: config.embedded.pageCache,
        startupTimeoutMs: config.embedded.startupTimeoutMs,
        onProgress: (m) => log.info(m),
      });
      uri = embedded.uri;
      log.info({ uri, pid: embedded.pid, log: embedded.logFile }, 'embedded Neo4j is ready');
    }
    driver ??= createDriver(uri, config.neo4j);
    await waitForNeo4j(driver, config.neo4j.database, config.embedded.startupTimeoutMs);
    const txTimeout = opts.batch ? config.neo4j.batchTxTimeoutMs : config.neo4j.txTimeoutMs;
    const db = new Database(driver, config.neo4j.database, { app: 'archipel', operation: opts.operation }, txTimeout);
    const migrations = readMigrations();
    // Start-up work, not a request: a busy machine must not fail the start on the API's 5 s.
    const startupDb = db.withTxTimeout(config.neo4j.batchTxTimeoutMs);
    const report = await applyMigrations(startupDb, migrations);
    log.info(
      { applied: report.applied, alreadyApplied: report.alreadyApplied, txTimeoutS: startupDb.txTimeoutMs! / 1000 },
      report.applied.length ? 'migrations applied' : 'migrations up to date',
    );
    const d = driver;
    const e = embedded;
    return {
      driver: d,
      db,
      embedded: e,
      migrations,
      async close() {
        await d.close().catch(() => undefined);
        await e?.stop().catch(() => undefined);
      },
    };
  } catch (err) {
    await driver?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}
