import { parse, validate } from 'graphql';
import { buildArchipelSchema } from './schema';
import type { Context } from './context';
import { warmUp, WARM_UP_OPERATIONS } from './warm-up';

describe('WARM_UP_OPERATIONS', () => {
  const schema = buildArchipelSchema();

  it.each(WARM_UP_OPERATIONS.map((q) => [/query (\w+)/.exec(q)?.[1], q]))('%s is valid against the schema', (_name, query) => {
    expect(validate(schema, parse(query as string))).toEqual([]);
  });

  it('names no slug, code or ref, so it runs on any graph', () => {
    for (const query of WARM_UP_OPERATIONS) expect(query).not.toMatch(/(slug|code|ref|territory|themes|objective|chantier): "/);
  });
});

describe('warmUp', () => {
  const log = { warn: jest.fn() } as unknown as Parameters<typeof warmUp>[2];
  const contextFor = () => ({}) as Context;

  it('never rejects: an operation that throws or answers errors is counted and logged', async () => {
    let calls = 0;
    const apollo = {
      executeOperation: async () => {
        calls += 1;
        if (calls === 1) throw new Error('Neo4j is not reachable');
        if (calls === 2) return { body: { kind: 'single', singleResult: { errors: [{ message: 'boom' }] } } };
        return { body: { kind: 'single', singleResult: { data: {} } } };
      },
    } as unknown as Parameters<typeof warmUp>[0];
    const result = await warmUp(apollo, contextFor, log);
    expect(calls).toBe(WARM_UP_OPERATIONS.length);
    expect(result).toMatchObject({ operations: WARM_UP_OPERATIONS.length, failed: 2 });
    expect(log.warn).toHaveBeenCalledTimes(2);
  });
});
