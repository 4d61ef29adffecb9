import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { createLogger, Logger } from './logger';
import { EmbeddedNeo4jError } from './db/embedded-neo4j';
import { connect, Connection } from './db/connect';
import { MigrationError } from './db/migrations';
import { TransactionTimeoutError } from './errors/neo4j-errors';
import { makeReadiness } from './db/readiness';
import { createServer } from './server';
import { loadDemoDataIfEmpty } from './modules/bundle/demo-data';

/**
 * npm start: config → Neo4j (embedded unless NEO4J_URI is set) → migrations → demo data when the
 * graph is empty → HTTP → graceful shutdown on SIGTERM/SIGINT. The only file that listens.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`archipel: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel, { env: config.env });
  const started = Date.now();
  let conn: Connection | undefined;
  let shuttingDown = false;

  // A signal during start-up still stops an embedded JVM that is already up.
  const earlyStop = () => {
    shuttingDown = true;
    void (conn?.close() ?? Promise.resolve()).then(() => process.exit(0));
  };
  process.once('SIGTERM', earlyStop);
  process.once('SIGINT', earlyStop);

  try {
    conn = await connect(config, log, { operation: 'startup' });
    if (config.demoData) await loadDemoDataIfEmpty(conn.db.withTxTimeout(config.neo4j.batchTxTimeoutMs), log);

    const readiness = makeReadiness(conn.driver, conn.db, config.neo4j.database, conn.migrations);
    const server = await createServer({ config, log, db: conn.db, readiness });
    const { httpServer, apollo } = server;
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
    log.info({ url: `http://${host}:${port}/graphql`, startupMs: Date.now() - started }, 'Archipel is listening');
    if (shuttingDown) return;
    if (config.warmUp) void server.warmUp().then((result) => log.info(result, 'query plans warmed up'));

    process.off('SIGTERM', earlyStop);
    process.off('SIGINT', earlyStop);
    const shutdown = (signal: string) => {
      if (shuttingDown) return;
      shuttingDown = true;
      log.info({ signal }, 'shutting down: finishing in-flight requests');
      const force = setTimeout(() => {
        log.warn('in-flight requests did not finish in time: closing their connections');
        httpServer.closeAllConnections();
      }, config.shutdownGraceMs);
      force.unref();
      void apollo
        .stop()
        .catch((err) => log.error({ err }, 'error while stopping the HTTP server'))
        .then(() => conn!.close())
        .then(() => {
          log.info('stopped');
          process.exit(0);
        });
    };
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('SIGINT', () => shutdown('SIGINT'));
  } catch (err) {
    reportStartFailure(log, err);
    await conn?.close();
    process.exit(1);
  }
}

function reportStartFailure(log: Logger, err: unknown): void {
  if (err instanceof EmbeddedNeo4jError || err instanceof MigrationError || err instanceof TransactionTimeoutError) {
    log.fatal(err.message);
    process.stderr.write(`archipel: ${err.message}\n`);
  } else {
    log.fatal({ err }, 'start failed');
    process.stderr.write(`archipel: start failed: ${(err as Error)?.message ?? err}\n`);
  }
}

void main();
