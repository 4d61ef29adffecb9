import { startTestApi, TestApi } from '../helpers/api';
import { DEFAULT_QUERY } from '../../src/http/graphiql';

/** What a browser sends when the user opens a URL (Chromium's Accept for a page load). */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('GraphiQL at GET /graphql', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const openPage = () => fetch(`${api.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });

  /** The src of every script and the href of every stylesheet of the page. */
  const assetsOf = (html: string): string[] =>
    [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*\shref="([^"]+)"/g)].map((m) => m[1]);

  it('serves a page booting GraphiQL to a browser, under a strict Content-Security-Policy', async () => {
    const res = await openPage();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('vary')).toMatch(/accept/i);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('<div id="graphiql">');
  });

  it('loads nothing from another host: every script and stylesheet comes from the API itself', async () => {
    const html = await (await openPage()).text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/(src|href)="\/\//); // no protocol-relative URL either
    const assets = assetsOf(html);
    expect(assets.filter((a) => a.includes('.js')).length).toBeGreaterThanOrEqual(4); // react, react-dom, graphiql, boot
    expect(assets.filter((a) => a.includes('.css')).length).toBeGreaterThanOrEqual(1);

    let largest = 0;
    for (const url of assets) {
      expect(url).toMatch(/^\/graphiql\//);
      const res = await fetch(`${api.url}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers.get('content-type')).toMatch(url.includes('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(res.headers.get('cache-control')).toContain('immutable');
      const body = await res.text();
      expect(body.trim().length).toBeGreaterThan(40);
      largest = Math.max(largest, body.length);
    }
    expect(largest).toBeGreaterThan(500_000); // the GraphiQL bundle itself, not a stub
  });

  it('boots GraphiQL on this endpoint with a default query that the schema accepts', async () => {
    const html = await (await openPage()).text();
    const boot = assetsOf(html).find((a) => a.includes('archipel-graphiql.js'));
    const script = await (await fetch(`${api.url}${boot}`)).text();
    expect(script).toContain('GraphiQL.createFetcher');
    expect(script).toContain('"url":"/graphql"');
    expect(script).toContain(JSON.stringify(DEFAULT_QUERY));

    const res = await api.gql(DEFAULT_QUERY);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ themes: expect.any(Object), allies: expect.any(Object), territories: expect.any(Object) });
  });

  it('answers 404 for an unknown asset', async () => {
    expect((await api.get('/graphiql/nope.js')).status).toBe(404);
  });

  it('still answers a POST query', async () => {
    const res = await api.gql<{ __typename: string }>('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query' });
  });

  it('does not serve the page to a GET that does not prefer text/html', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/graphql-response+json, application/json;q=0.9']) {
      const res = await fetch(`${api.url}/graphql`, { headers: accept ? { accept } : {} });
      expect({ accept, type: res.headers.get('content-type') }).not.toEqual({ accept, type: expect.stringMatching(/text\/html/) });
      expect(await res.text()).not.toContain('<div id="graphiql">');
    }
  });

  it('leaves a GET query to Apollo, from a browser too, with its CSRF prevention', async () => {
    const url = `${api.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const preflighted = await fetch(url, { headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });

    // A simple cross-site GET (no preflight header, no JSON content type) is refused, as before.
    const simple = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/i);
  });
});
