import { startTestApi, TestApi } from '../helpers/api';

/** Production posture (issue #9): headers, no stack anywhere, rate limit, introspection switch. */
describe('production posture', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ env: { NODE_ENV: 'production', ARCHIPEL_RATE_LIMIT_PER_MIN: '5' } });
  });
  afterAll(() => api.close());

  const post = (body: string) => fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('puts helmet headers on the GraphiQL page and keeps its own Content-Security-Policy', async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('answers a malformed body with JSON, without stack or source path', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    expect(JSON.parse(text).errors[0].extensions.code).toBeDefined();
    expect(text).not.toMatch(/ at |node_modules|\/src\/|\.ts:|\.js:/);
  });

  it('rate-limits each client address on /graphql, not the probes', async () => {
    const fresh = await startTestApi({ env: { NODE_ENV: 'production', ARCHIPEL_RATE_LIMIT_PER_MIN: '3' } });
    try {
      for (let i = 0; i < 3; i++) expect((await fresh.gql('{ __typename }')).errors).toBeUndefined();
      const res = await fetch(`${fresh.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(body.errors[0].message).toContain('at most 3 per minute');
      expect((await fresh.get('/livez')).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('has no rate limit by default outside production', async () => {
    const dev = await startTestApi({ env: { NODE_ENV: 'development' } });
    try {
      for (let i = 0; i < 8; i++) expect((await dev.gql('{ __typename }')).errors).toBeUndefined();
    } finally {
      await dev.close();
    }
  });

  it('serves introspection by default and refuses it when ARCHIPEL_INTROSPECTION=false', async () => {
    const on = await api.gql<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(on.errors).toBeUndefined();
    expect(on.data!.__schema.queryType.name).toBe('Query');
    const closed = await startTestApi({ env: { ARCHIPEL_INTROSPECTION: 'false' } });
    try {
      const off = await closed.gql('{ __schema { queryType { name } } }');
      expect(off.status).toBe(400);
      expect(off.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(off.roundTrips).toBe(0);
    } finally {
      await closed.close();
    }
  });
});
