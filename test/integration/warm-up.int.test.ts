import { startTestApi, startTestApiOn, TestApi } from '../helpers/api';
import { readFixture } from '../fixtures/read-fixture';
import { QueryTooComplexError } from '../../src/errors/app-errors';
import { TransactionTimeoutError } from '../../src/errors/neo4j-errors';
import { WARM_UP_OPERATIONS } from '../../src/warm-up';

describe('warm-up of the read queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(readFixture());
  });
  afterAll(() => api.close());

  it('runs every warm-up operation through the resolvers on real Neo4j, without an error', async () => {
    const result = await api.server.warmUp();
    expect(result).toMatchObject({ operations: WARM_UP_OPERATIONS.length, failed: 0 });

    const lines = api.logs.filter((l) => l.msg === 'graphql request' && String(l.operation).startsWith('WarmUp'));
    expect(lines.map((l) => l.operation).sort()).toEqual(WARM_UP_OPERATIONS.map((q) => /query (\w+)/.exec(q)![1]).sort());
    for (const line of lines) {
      expect(line.errors).toBe(0);
      expect(line.roundTrips).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('a transaction that runs out of time', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const SLOW = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 2 = 0 RETURN count(x) AS c';

  it('in a GraphQL request, is QUERY_TOO_COMPLEX with a message saying what to do, not an internal error', async () => {
    // Counting two billion numbers takes far longer than 200 ms; Neo4j ends the transaction.
    const slow = api.db.forRequest({ app: 'archipel', reqId: 't' }).withTxTimeout(200).readTx((tx) => tx.run(SLOW));
    await expect(slow).rejects.toBeInstanceOf(QueryTooComplexError);
    await expect(slow).rejects.toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX' } });
  }, 60_000);

  it('outside a request (start-up, a tool), names the timeout and the setting, not items and filters', async () => {
    const slow = api.db.withTxTimeout(200).readTx((tx) => tx.run(SLOW));
    await expect(slow).rejects.toBeInstanceOf(TransactionTimeoutError);
    await expect(slow).rejects.toThrow(/0\.2 s\).*ARCHIPEL_BATCH_TX_TIMEOUT_S/);
  }, 60_000);
});
