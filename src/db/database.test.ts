import { Driver, ManagedTransaction, Neo4jError, isRetryableError } from 'neo4j-driver';
import { Database } from './database';
import { cypherQuery } from './cypher-registry';
import { RequestBudget } from '../limits/request-budget';
import { QueryTooComplexError } from '../errors/app-errors';

/**
 * How a request's transactions meet the driver's retries. The session below retries a transaction
 * function as neo4j-driver's own executor does (while the error is retryable by the driver's own
 * rule), without the wait between attempts: what is checked is which errors end the retrying, and
 * that is decided by Database, not by the session. No database: the queries never reach one.
 */
function driverRetrying(failWith: () => Error, maxAttempts = 5): { driver: Driver; attempts: () => number } {
  let attempts = 0;
  // A result that fails as a real one does, whether awaited (run) or iterated (a budgeted read).
  const failing = () => {
    attempts += 1; // a query that reached the (would-be) database
    const err = failWith();
    return {
      then: (ok: (v: never) => unknown, ko: (e: unknown) => unknown) => Promise.reject(err).then(ok, ko),
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(err) }),
    };
  };
  const tx = { run: failing } as unknown as ManagedTransaction;
  const session = {
    async executeRead<T>(work: (t: ManagedTransaction) => Promise<T>): Promise<T> {
      let last: unknown;
      for (let i = 0; i < maxAttempts; i++) {
        try {
          return await work(tx);
        } catch (err) {
          last = err;
          if (!isRetryableError(err as Error)) throw err;
        }
      }
      throw last;
    },
    close: async () => undefined,
  };
  return { driver: { session: () => session } as unknown as Driver, attempts: () => attempts };
}

const memoryError = () =>
  new Neo4jError('The allocation of an extra 2.0 MiB would use more than the limit 1.0 MiB. db.memory.transaction.max threshold reached', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', '25N06', 'error');
const deadlock = () => new Neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected', '50N05', 'error');
const query = cypherQuery('system/store-home', {});

describe('Database and the driver retries, in a request', () => {
  it('stops at the first attempt when the database runs out of transaction memory: QUERY_TOO_COMPLEX, never retried for 30 s', async () => {
    const { driver, attempts } = driverRetrying(memoryError);
    const db = new Database(driver, 'neo4j').forRequest({}, new RequestBudget(5_000, 100_000));
    const err = await db.read(query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryTooComplexError);
    expect((err as Error).message).toMatch(/more memory than the database gives one query/);
    expect(attempts()).toBe(1);
  });

  it('retries another transient error while the budget lasts, and not once it is spent', async () => {
    let now = 0;
    const budget = new RequestBudget(5_000, 100_000, () => now);
    const { driver, attempts } = driverRetrying(() => {
      now += 2_000; // each failed attempt uses 2 s of the request's 5 s
      return deadlock();
    });
    const err = await new Database(driver, 'neo4j').forRequest({}, budget).read(query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryTooComplexError);
    expect(attempts()).toBe(3); // at 0 s, 2 s and 4 s; the fourth attempt, at 6 s, stops before its query
  });

  it('outside a request (start-up, a tool), leaves the driver to retry as it does', async () => {
    const { driver, attempts } = driverRetrying(memoryError, 4);
    const err = await new Database(driver, 'neo4j').read(query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Neo4jError);
    expect(attempts()).toBe(4);
  });
});
