import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { startTestApi, TestApi } from '../helpers/api';
import { NotFoundError } from '../../src/errors/app-errors';

describe('HTTP surface', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('answers { __typename } and version over HTTP', async () => {
    const res = await api.gql<{ __typename: string; version: string }>('{ __typename version }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('serves /livez and /readyz', async () => {
    const live = await api.get('/livez');
    expect(live.status).toBe(200);
    const ready = await api.get('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('echoes a request id on every response', async () => {
    const res = await fetch(`${api.url}/livez`, { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const other = await api.get('/livez');
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes an access line per request with what an operator needs, and none of the request's headers", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'access-line-1', authorization: 'Bearer secret-token', cookie: 'session=secret-cookie' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    // No ETag computed over an answer that is no-store.
    expect([res.headers.get('cache-control'), res.headers.get('etag')]).toEqual(['no-store', null]);
    const line = api.logs.find((l) => l.msg === 'request completed' && l.reqId === 'access-line-1');
    expect(line).toMatchObject({ req: { id: 'access-line-1', method: 'POST', url: '/graphql' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
    expect(JSON.stringify(line)).not.toMatch(/secret|headers/);
  });

  it('reports a syntax error with its code and no stack', async () => {
    const res = await api.gql('{ version ');
    expect(res.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('reports an unknown field as a validation error', async () => {
    const res = await api.gql('{ nope }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('error masking', () => {
  let api: TestApi;
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        crash: {
          type: GraphQLString,
          resolve: () => {
            throw new Error('MATCH (n:Secret) RETURN n.password failed at /srv/archipel/src/x.ts:12');
          },
        },
        neo4j: {
          type: GraphQLString,
          resolve: () => {
            throw new Neo4jError('Invalid input in MATCH (n)', 'Neo.ClientError.Statement.SyntaxError', '42000', 'syntax');
          },
        },
        missing: {
          type: GraphQLString,
          resolve: () => {
            throw new NotFoundError('no ally "x"');
          },
        },
      },
    }),
  });
  beforeAll(async () => {
    api = await startTestApi({ schema });
  });
  afterAll(() => api.close());

  it('masks an unexpected error: generic message, no Cypher, no stack, no Neo4j code', async () => {
    for (const field of ['crash', 'neo4j']) {
      const res = await api.gql(`{ ${field} }`);
      const text = JSON.stringify({ errors: res.errors, data: res.data }); // what the client receives
      expect(res.errors?.[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(res.errors?.[0].message).toMatch(/^Internal server error/);
      expect(text).not.toMatch(/MATCH|Secret|password|\.ts:|Neo\.ClientError|stacktrace/);
      // …while the server logged the real error under the request id.
      expect(JSON.stringify(res.serverErrors)).toMatch(/MATCH/);
    }
  });

  it('keeps an expected error with its fixed code', async () => {
    const res = await api.gql('{ missing }');
    expect(res.errors?.[0]).toMatchObject({ message: 'no ally "x"', extensions: { code: 'NOT_FOUND' } });
  });

  it("names the errors' codes in the request's log line", async () => {
    await api.gql('query Codes { missing crash }');
    const line = api.logs.find((l) => l.msg === 'graphql request' && l.operation === 'Codes');
    expect(line).toMatchObject({ errors: 2 });
    expect((line!.errorCodes as string[]).sort()).toEqual(['INTERNAL_SERVER_ERROR', 'NOT_FOUND']);
  });
});

describe('HTTP-level errors: JSON in the GraphQL-over-HTTP shape, no stack, no path', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const expectCleanJson = async (res: Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const text = await res.text();
    expect(text).not.toMatch(/<html|<pre|\s{2}at |node_modules|\/work\/|\.[jt]s:\d|stack/i);
    const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code });
    expect(body.errors[0].message.length).toBeGreaterThan(10);
    return body.errors[0].message;
  };

  it('a malformed JSON body is a 400 BAD_REQUEST', async () => {
    const message = await expectCleanJson(await post('{"query": "{ version }"'), 400, 'BAD_REQUEST');
    expect(message).toMatch(/JSON/);
  });

  it('a body over 1 MB is a 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ query: `{ version } # ${'x'.repeat(1_100_000)}` });
    const message = await expectCleanJson(await post(big), 413, 'PAYLOAD_TOO_LARGE');
    expect(message).toMatch(/1 ?MB|1mb/i);
  });

  it('an unknown route is a 404 in the same shape', async () => {
    const message = await expectCleanJson(await api.get('/nope'), 404, 'NOT_FOUND');
    expect(message).toMatch(/\/graphql/);
  });

  it('an unsupported content type stays a client error', async () => {
    const res = await post('query=%7B%20version%20%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('mutation and subscription operations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it.each([
    ['mutation', 'mutation M { version }'],
    ['subscription', 'subscription S { version }'],
  ])('a %s is a 400 client error with a clear message, not logged as an error', async (kind, query) => {
    const res = await api.gql(query);
    expect(res.status).toBe(400);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_REQUEST' });
    expect(res.errors![0].message).toMatch(new RegExp(`${kind}`));
    expect(res.errors![0].message).toMatch(/query/);
    expect(res.serverErrors).toEqual([]);
    expect(api.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});
