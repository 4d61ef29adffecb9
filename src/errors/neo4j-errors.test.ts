import { Neo4jError } from 'neo4j-driver';
import { ErrorCode, QueryTooComplexError } from './app-errors';
import { translateNeo4jError, TransactionTimeoutError } from './neo4j-errors';

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

  it('leaves other errors as they are (formatError masks them)', () => {
    const other = neo4jError('Neo.DatabaseError.General.UnknownError');
    expect(translateNeo4jError(other)).toBe(other);
    const plain = new Error('boom');
    expect(translateNeo4jError(plain)).toBe(plain);
  });
});
