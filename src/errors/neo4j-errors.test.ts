import { Neo4jError } from 'neo4j-driver';
import { ErrorCode, QueryTooComplexError } from './app-errors';
import { isMemoryExhausted, translateNeo4jError, TransactionTimeoutError } from './neo4j-errors';

const neo4jError = (code: string, message = 'from the server') => new Neo4jError(message, code, '50N42', 'error: general processing exception');

describe('translateNeo4jError', () => {
  it.each(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'])(
    '%s is QUERY_TOO_COMPLEX, with a message that says what to do and no Neo4j code',
    (code) => {
      const out = translateNeo4jError(neo4jError(code, 'The transaction has been terminated. Retry your operation in a new transaction'));
      expect(out).toBeInstanceOf(QueryTooComplexError);
      const e = out as QueryTooComplexError;
      expect(e.extensions.code).toBe(ErrorCode.QUERY_TOO_COMPLEX);
      expect(e.message).toMatch(/fewer items/);
      expect(e.message).not.toMatch(/Neo\.|terminated/);
    },
  );

  it('outside a GraphQL request (start-up, a tool), a timeout names the time and the setting, not items and filters', () => {
    const out = translateNeo4jError(neo4jError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), { inRequest: false, timeoutMs: 120_000 });
    expect(out).toBeInstanceOf(TransactionTimeoutError);
    expect(out).not.toBeInstanceOf(QueryTooComplexError);
    const message = (out as Error).message;
    expect(message).toMatch(/120 s/);
    expect(message).toMatch(/ARCHIPEL_BATCH_TX_TIMEOUT_S/);
    expect(message).not.toMatch(/items|filter|first/);
  });

  it('is a CONFLICT for a uniqueness violation, naming the property', () => {
    const out = translateNeo4jError(
      neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed', "Node(12) already exists with label `Ally` and property `slug` = 'solidarite'"),
    );
    expect((out as QueryTooComplexError).extensions.code).toBe(ErrorCode.CONFLICT);
    expect((out as Error).message).toBe("another node already has slug 'solidarite'");
  });

  it.each(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.TransactionMemoryLimit'])(
    'in a request, %s (the database transaction memory ran out) is QUERY_TOO_COMPLEX; outside one, Neo4j\'s own message stays',
    (code) => {
      const err = neo4jError(code, 'db.memory.transaction.max threshold reached');
      expect(isMemoryExhausted(err)).toBe(true);
      const out = translateNeo4jError(err, { inRequest: true });
      expect(out).toBeInstanceOf(QueryTooComplexError);
      expect((out as Error).message).toMatch(/more memory .* fewer items/);
      expect(translateNeo4jError(err, { inRequest: false })).toBe(err);
    },
  );

  it('does not take another transient error for running out of memory', () => {
    expect(isMemoryExhausted(neo4jError('Neo.TransientError.Transaction.DeadlockDetected'))).toBe(false);
    expect(isMemoryExhausted(new Error('Neo.TransientError.General.MemoryPoolOutOfMemoryError'))).toBe(false);
  });

  it('leaves other errors as they are (formatError masks them)', () => {
    const other = neo4jError('Neo.DatabaseError.General.UnknownError');
    expect(translateNeo4jError(other)).toBe(other);
    const plain = new Error('boom');
    expect(translateNeo4jError(plain)).toBe(plain);
  });
});
