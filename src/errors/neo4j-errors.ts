import { Neo4jError } from 'neo4j-driver';
import { AppError, ConflictError, QueryTooComplexError } from './app-errors';

/** A transaction out of time outside a GraphQL request (start-up, a command-line tool): an operator's problem. */
export class TransactionTimeoutError extends Error {}

/**
 * Translates driver errors where data is accessed. A uniqueness violation is a CONFLICT the client
 * can act on; a transaction that ran out of time is QUERY_TOO_COMPLEX (the request asked for more
 * than the server gives one request) — or, outside a GraphQL request (start-up work, a command-line
 * tool), a TransactionTimeoutError that talks to the operator; anything else is left as is, to be
 * masked by formatError and logged.
 */
export function translateNeo4jError(err: unknown, where: { inRequest?: boolean; timeoutMs?: number } = { inRequest: true }): unknown {
  if (err instanceof AppError) return err;
  if (err instanceof Neo4jError && err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    const m = /property `(\w+)` = (.+)$/m.exec(err.message);
    return new ConflictError(m ? `another node already has ${m[1]} ${m[2]}` : 'this value is already taken by another node');
  }
  // Neo.ClientError.Transaction.TransactionTimedOut, or …TimedOutClientConfiguration when the
  // timeout was set by the driver (as the API does).
  if (err instanceof Neo4jError && err.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    if (!where.inRequest) {
      // Start-up work, a command-line tool, the warm-up: no client asked for items, so say what an operator can do.
      const limit = where.timeoutMs === undefined ? 'its transaction timeout' : `its transaction timeout (${where.timeoutMs / 1000} s)`;
      return new TransactionTimeoutError(
        `a database transaction took longer than ${limit}: the machine may be busy or the graph large; raise ARCHIPEL_BATCH_TX_TIMEOUT_S and try again`,
      );
    }
    return new QueryTooComplexError(
      'this request took longer than the server allows for one request: ask for fewer items (first) or fewer nested lists, or narrow the filter, then try again',
    );
  }
  // Outside a request, Neo4j's own message (it names db.memory.transaction.max) is the operator's.
  if (isMemoryExhausted(err) && where.inRequest) {
    return new QueryTooComplexError(
      'this request needs more memory than the database gives one query: ask for fewer items (first) or fewer nested lists, or narrow the filter, then try again',
    );
  }
  return err;
}

/**
 * The database ran out of the memory it gives one transaction (db.memory.transaction.max) or of its
 * global transaction pool: a *transient* error to the driver, which would retry the same work.
 */
export function isMemoryExhausted(err: unknown): boolean {
  return err instanceof Neo4jError && /^Neo\.TransientError\.General\.(MemoryPoolOutOfMemoryError|TransactionMemoryLimit)$/.test(err.code);
}
