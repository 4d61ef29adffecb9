import neo4j, { Driver } from 'neo4j-driver';
import type { Config } from '../config';

/**
 * The one driver of the process. Integers come back as JS numbers (`disableLosslessIntegers`):
 * every count and size in this graph is far below 2^53.
 */
export function createDriver(uri: string, cfg: Config['neo4j']): Driver {
  const auth = cfg.password ? neo4j.auth.basic(cfg.user, cfg.password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 50,
    connectionAcquisitionTimeout: 10_000,
    logging: { level: 'error', logger: () => undefined },
    userAgent: 'archipel',
  });
}

/** Retries verifyConnectivity until it succeeds or the deadline passes. */
export async function waitForNeo4j(driver: Driver, database: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await driver.verifyConnectivity({ database });
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`Neo4j did not answer within ${Math.round(timeoutMs / 1000)} s: ${(lastError as Error)?.message ?? lastError}`);
}
