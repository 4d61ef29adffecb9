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
