import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { createDriver, waitForNeo4j } from './driver';
import { Database } from './database';
import { EmbeddedNeo4j, EmbeddedNeo4jError, startEmbeddedNeo4j } from './embedded-neo4j';
import { cypherQuery, type NoParams } from './cypher-registry';
import { applyMigrations, readMigrations, MigrationFile } from './migrations';

export interface Connection {
  driver: Driver;
  db: Database;
  embedded?: EmbeddedNeo4j;
  migrations: MigrationFile[];
  /** Which database this is, for a person: "the embedded Neo4j at .data/neo4j", or the NEO4J_URI. */
  target: string;
  close(): Promise<void>;
}

const storeHome = cypherQuery<NoParams, { home: string }>('system/store-home');

/** A path as a person typed it: relative to the working directory when inside it. */
const shown = (p: string) => {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
};

const realOrNull = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
};

/** The home directory (store) of the Neo4j behind `driver`, or null when it does not say. */
async function homeOf(driver: Driver, database: string): Promise<string | null> {
  try {
    const rows = await new Database(driver, database, { app: 'archipel', operation: 'store-check' }).read(storeHome);
    return rows[0]?.home ?? null;
  } catch {
    return null;
  }
}

/**
 * Whether the Neo4j answering on the embedded port serves the store `home`. A command-line tool
 * uses it only then: otherwise it would write into another store than the one it was told (e.g. a
 * running `npm start` on .data while the tool was given ARCHIPEL_DATA_DIR=.data-synth).
 */
export async function assertSameStore(driver: Driver, database: string, home: string, port: number): Promise<void> {
  const running = await homeOf(driver, database);
  const mine = realOrNull(home);
  if (running !== null && mine !== null && realOrNull(running) === mine) return;
  const theirs = running === null ? 'a store it does not name' : shown(running);
  throw new EmbeddedNeo4jError(
    `the Neo4j already running on 127.0.0.1:${port} serves ${theirs}, not ${shown(path.resolve(home))} (ARCHIPEL_DATA_DIR): ` +
      `to work on ${shown(path.resolve(home))}, set NEO4J_EMBEDDED_PORT to a free port (e.g. ${port + 1}), or stop the server that uses ${theirs}; nothing was written`,
  );
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
  const home = path.join(config.embedded.dataDir, 'neo4j');
  let target = uri ? uri : `the embedded Neo4j at ${shown(path.resolve(home))}`;
  if (!uri && opts.reuseRunning) {
    const candidate = `bolt://127.0.0.1:${config.embedded.port}`;
    const probe = createDriver(candidate, config.neo4j);
    let answers = false;
    try {
      await probe.verifyConnectivity({ database: config.neo4j.database });
      answers = true;
    } catch {
      await probe.close();
    }
    if (answers) {
      try {
        await assertSameStore(probe, config.neo4j.database, home, config.embedded.port);
      } catch (err) {
        await probe.close();
        throw err;
      }
      uri = candidate;
      driver = probe;
      target += ' (of the running server)';
      log.info({ uri, home }, 'using the embedded Neo4j of the running server');
    }
  }
  try {
    if (!uri) {
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
      target,
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
