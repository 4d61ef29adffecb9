import { ConfigError, Config, loadConfig } from '../config';
import { createLogger, Logger } from '../logger';
import { EmbeddedNeo4jError } from '../db/embedded-neo4j';
import { MigrationError } from '../db/migrations';
import { TransactionTimeoutError } from '../errors/neo4j-errors';

/** Shared start of the command-line tools: config (fails fast) and a logger on stderr. */
export function cliSetup(): { config: Config; log: Logger } {
  try {
    const config = loadConfig();
    // Logs go to stderr so that stdout carries only the tool's own output (a summary, a bundle).
    const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, { destination: process.stderr, env: config.env });
    return { config, log };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`archipel: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Prints a failure as one sentence and exits non-zero. */
export function cliFail(err: unknown): never {
  const known = err instanceof EmbeddedNeo4jError || err instanceof MigrationError || err instanceof TransactionTimeoutError;
  process.stderr.write(`archipel: ${known ? (err as Error).message : `failed: ${(err as Error)?.stack ?? err}`}\n`);
  process.exit(1);
}
