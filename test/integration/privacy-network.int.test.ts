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
  }, 240_000);
  afterAll(() => api.close());

  type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const ally = 'id slug name email';
  const NET = 'truncated totalNodes nodes { id type label attributes degree community } edges { id source target type weight } communities { id size label }';
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
    suggestions: {
      query: `{ ally(slug: "gamma-bretagne") { suggestedCollaborators(first: 50) { score reasons ally { ${ally} } } } beta: ally(slug: "beta-nourriture") { suggestedCollaborators(first: 50) { score reasons ally { ${ally} } } } }`,
      // beta works with alpha, whose other collaborator is delta; the canary (a collaborator of
      // alpha and beta, on their themes, in their région) is never suggested nor counted in common.
      check: (d) => {
        expect(d.beta.suggestedCollaborators.map((s: Data) => s.ally.slug)).toContain('delta-personne');
        expect(d.beta.suggestedCollaborators.find((s: Data) => s.ally.slug === 'delta-personne').reasons[0]).toBe('1 collaborator in common: Alpha Énergie');
        expect(Array.isArray(d.ally.suggestedCollaborators)).toBe(true);
      },
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
    networkCollaboration: {
      query: `{ network(filter: { themes: ["energie"] }, projection: COLLABORATION) { ${NET} } }`,
      // alpha, beta, gamma work on energie (and the canary, a lead): 3 nodes, one edge alpha–beta
      check: (d) => {
        expect(d.network.nodes.map((n: Data) => n.attributes.slug).sort()).toEqual(['alpha-energie', 'beta-nourriture', 'gamma-bretagne']);
        expect(d.network.totalNodes).toBe(3);
        expect(d.network.edges).toHaveLength(1);
        expect(d.network.communities.reduce((t: number, c: Data) => t + c.size, 0)).toBe(3);
      },
    },
    networkBipartite: {
      query: `{ network(filter: { territory: "region:32" }) { ${NET} } }`,
      check: (d) => {
        expect(d.network.nodes.map((n: Data) => n.attributes.slug)).toContain('alpha-energie');
        expect(d.network.totalNodes).toBe(d.network.nodes.length);
        expect(d.network.communities.reduce((t: number, c: Data) => t + c.size, 0)).toBe(d.network.nodes.length);
        expect(d.network.nodes.find((n: Data) => n.attributes.slug === 'alpha-energie').degree).toBeGreaterThan(3);
      },
    },
    territoryStats: {
      query: '{ territoryStats(level: COMMUNE, within: "departement:62") { territory { ref } allies organizations persons chantiers } }',
      // Loos-en-Gohelle: alpha-energie, delta-personne and the 10 even zêtas are based there (and the canary, not counted)
      check: (d) => expect(d.territoryStats).toEqual([{ territory: { ref: 'commune:62528' }, allies: 12, organizations: 11, persons: 1, chantiers: 0 }]),
    },
    territoryStatsRegion: {
      query: '{ territoryStats(level: REGION, filter: { kinds: [PERSON] }) { territory { ref } allies persons } }',
      // the canary acts in region:32 and is based in Loos: only delta counts
      check: (d) => expect(d.territoryStats.find((r: Data) => r.territory.ref === 'region:32')).toEqual({ territory: { ref: 'region:32' }, allies: 1, persons: 1 }),
    },
    themeStats: {
      query: '{ themeStats { theme { slug } allies leads chantiers } }',
      // energie: alpha (lead), beta, gamma; the canary (a lead too) is not counted
      check: (d) => expect(d.themeStats.find((r: Data) => r.theme.slug === 'energie')).toEqual({ theme: { slug: 'energie' }, allies: 3, leads: 1, chantiers: 1 }),
    },
  };

  it('the neighbourhood of the organisation the canary belongs to answers, without it', async () => {
    const id = (await api.gql<Data>('{ ally(slug: "alpha-energie") { id } }')).data!.ally.id;
    for (const projection of ['BIPARTITE', 'COLLABORATION']) {
      const res = await api.gql<Data>(`{ neighbourhood(id: "${id}", depth: 2, projection: ${projection}) { ${NET} } }`);
      expect(res.errors).toBeUndefined();
      const slugs = res.data!.neighbourhood.nodes.map((n: Data) => n.attributes.slug);
      expect(slugs).toEqual(expect.arrayContaining(['alpha-energie', 'delta-personne', 'beta-nourriture']));
      expect(res.data!.neighbourhood.totalNodes).toBe(slugs.length);
      const text = JSON.stringify(res);
      expect(text).not.toContain(CANARY.slug);
      expect(text).not.toContain('Canari');
      expect(text).not.toContain(canaryGlobalId);
    }
    const canary = await api.gql<Data>(`{ neighbourhood(id: "${canaryGlobalId}") { totalNodes } }`);
    expect(canary.errors).toBeUndefined();
    expect(canary.data).toEqual({ neighbourhood: null });
  });

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
