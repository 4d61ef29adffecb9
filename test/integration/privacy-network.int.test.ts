import { startTestApiOn, TestApi } from '../helpers/api';
import { CANARY, readFixture } from '../fixtures/read-fixture';
import { toGlobalId } from '../../src/common/relay';

/**
 * DESIGN §3 for who works with whom: the canary (a private person linked to everything in the read
 * fixture: chantiers, a community, an organisation, themes, territories) never appears anonymously
 * in collaborators, via, paths, networks, search hits or statistics — and no field of this issue
 * counts it. STYLE 14: each query must answer without error and with the data it is about, so that
 * a query broken by a validation error cannot pass for a private one.
 */
describe('privacy canary: network fields', () => {
  let api: TestApi;
  let canaryGlobalId: string;
  beforeAll(async () => {
    api = await startTestApiOn(readFixture());
    const uuid = await api.db.readTx(async (tx) => (await tx.run('MATCH (a:Ally {slug: $s}) RETURN a.id AS id', { s: CANARY.slug })).records[0].get('id'));
    canaryGlobalId = toGlobalId('Ally', uuid);
  });
  afterAll(() => api.close());

  type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ally = 'id slug name email';
  const via = '__typename id ... on Ally { slug name } ... on Chantier { title } ... on LearningCommunity { name }';

  /** Each query, and what proves that it returned the data it is about. */
  const queries: Record<string, { query: string; check: (d: Data) => void }> = {
    collaborators: {
      query: `{ ally(slug: "alpha-energie") { collaborators { totalCount edges { node { weight ally { ${ally} } via { ${via} } } } } } }`,
      // alpha shares chantier-renouvelable with beta and is the organisation of delta; the canary
      // (referent, community member, treasurer) would make 3 contexts.
      check: (d) => {
        expect(d.ally.collaborators.totalCount).toBe(2);
        expect(d.ally.collaborators.edges.map((e: Data) => [e.node.ally.slug, e.node.weight])).toEqual([['beta-nourriture', 1], ['delta-personne', 1]]);
      },
    },
    collaboratorsByTheme: {
      query: `{ ally(slug: "beta-nourriture") { collaborators(theme: "energie") { totalCount edges { node { ally { ${ally} } via { ${via} } } } } } }`,
      check: (d) => expect(d.ally.collaborators.edges.map((e: Data) => e.node.ally.slug)).toEqual(['alpha-energie']),
    },
    path: {
      query: `{ collaborationPath(from: "beta-nourriture", to: "delta-personne") { hops steps { ally { ${ally} } via { ${via} } } } }`,
      // beta → alpha (chantier) → delta (membership); never beta → canary → …
      check: (d) => expect(d.collaborationPath.steps.map((s: Data) => s.ally.slug)).toEqual(['beta-nourriture', 'alpha-energie', 'delta-personne']),
    },
    search: {
      query: '{ search(text: "energie", first: 100) { score node { __typename id ... on Ally { slug name email } } } }',
      check: (d) => expect(d.search.map((h: Data) => h.node.slug)).toContain('alpha-energie'),
    },
    searchByName: {
      query: '{ search(text: "Canari Zzyzx", types: [ALLY]) { score node { id } } }',
      check: (d) => expect(d.search).toEqual([]),
    },
    searchPersons: {
      query: '{ search(text: "prive", first: 100) { score node { __typename id ... on Ally { slug name } } } }',
      check: (d) => expect(Array.isArray(d.search)).toBe(true),
    },
  };

  it.each(Object.keys(queries))('%s answers, without the canary', async (name) => {
    const res = await api.gql<Data>(queries[name].query);
    expect(res.errors).toBeUndefined();
    expect(res.data).toBeDefined();
    queries[name].check(res.data!);
    const text = JSON.stringify(res);
    expect(text).not.toContain(CANARY.slug);
    expect(text).not.toContain('Canari');
    expect(text).not.toContain(CANARY.email);
    expect(text).not.toContain(canaryGlobalId);
  });

  it('a path to the canary answers exactly as a path to an ally that does not exist', async () => {
    const canary = await api.gql(`{ collaborationPath(from: "alpha-energie", to: "${CANARY.slug}") { hops } }`);
    const nobody = await api.gql('{ collaborationPath(from: "alpha-energie", to: "personne-inexistante") { hops } }');
    expect(canary.errors?.[0]).toMatchObject({ message: `to: unknown ally "${CANARY.slug}"`, extensions: { code: 'BAD_USER_INPUT' } });
    expect(nobody.errors?.[0].message).toBe('to: unknown ally "personne-inexistante"');
  });
});
