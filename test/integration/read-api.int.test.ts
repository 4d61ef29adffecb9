import { startTestApiOn, TestApi } from '../helpers/api';
import { importValid } from '../helpers/bundles';
import { readFixture } from '../fixtures/read-fixture';

type Edges<T> = { edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null }; totalCount?: number };

describe('read API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(readFixture());
  });
  afterAll(() => api.close());

  it('job (a): allies working on a theme within a region, with their chantiers', async () => {
    const res = await api.gql<{ allies: Edges<{ slug: string; basedIn: { ref: string }; chantiers: Edges<{ role: string; chantier: { slug: string } }> }> }>(`{
      allies(filter: { themes: ["energie"], territory: "region:32" }) {
        totalCount
        edges { node { slug basedIn { ref } chantiers { edges { node { role chantier { slug } } } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.allies.edges.map((e) => e.node.slug)).toEqual(['alpha-energie', 'beta-nourriture']);
    expect(res.data!.allies.totalCount).toBe(2);
    expect(res.data!.allies.edges[0].node.chantiers.edges).toEqual([{ node: { role: 'REFERENT', chantier: { slug: 'chantier-renouvelable' } } }]);
  });

  it('themesMatch ALL, kind, organizationTypes, signed dates, near, within and text filters', async () => {
    const slugs = async (filter: string) => {
      const r = await api.gql<{ allies: Edges<{ slug: string }> }>(`{ allies(first: 100, filter: ${filter}) { edges { node { slug } } } }`);
      expect(r.errors).toBeUndefined();
      return r.data!.allies.edges.map((e) => e.node.slug);
    };
    expect(await slugs('{ themes: ["energie", "alimentation"], themesMatch: ALL }')).toEqual(['beta-nourriture']);
    expect(await slugs('{ themes: ["energie", "alimentation"], themesMatch: ANY, kind: ORGANIZATION }')).toEqual(['alpha-energie', 'beta-nourriture', 'gamma-bretagne']);
    expect(await slugs('{ kind: PERSON }')).toEqual(['delta-personne']);
    expect((await slugs('{ organizationTypes: [ASSOCIATION] }')).length).toBe(23);
    expect(await slugs('{ signedAfter: "2020-02-15", signedBefore: "2021-06-30" }')).toEqual(['beta-nourriture', 'gamma-bretagne']);
    expect(await slugs('{ near: { latitude: 50.45, longitude: 2.8, radiusKm: 5 } }')).toEqual(['alpha-energie']);
    expect(await slugs('{ within: { south: 48.0, west: -3.0, north: 49.0, east: -2.0 } }')).toEqual(['gamma-bretagne']);
    expect(await slugs('{ text: "energie" }')).toEqual(['alpha-energie']);
    expect(await slugs('{ text: "BÉTA nourr" }')).toEqual(['beta-nourriture']);
    expect(await slugs('{ chantier: "chantier-cantines" }')).toEqual(['beta-nourriture']);
    expect(await slugs('{ objective: "1" }')).toEqual(['beta-nourriture', 'gamma-bretagne']);
    expect(await slugs('{ territory: "departement:22" }')).toEqual(['gamma-bretagne']);
    expect(await slugs('{ territory: "22046" }')).toEqual(['gamma-bretagne']);
  });

  it('job (b): the chantiers serving objective 2, with referents and territories, filtered by status', async () => {
    const res = await api.gql<{ charterObjective: { code: string; title: string; chantiers: Edges<{ slug: string; status: string; referents: { slug: string }[]; territories: { ref: string; name: string }[] }>; allies: Edges<{ slug: string }> } }>(`{
      charterObjective(code: "2") {
        code title
        chantiers(filter: { status: [ACTIVE] }) { totalCount edges { node { slug status referents { slug } territories { ref name } } } }
        allies { edges { node { slug } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const o = res.data!.charterObjective;
    expect(o.chantiers.totalCount).toBe(1);
    expect(o.chantiers.edges[0].node).toEqual({
      slug: 'chantier-renouvelable',
      status: 'ACTIVE',
      referents: [{ slug: 'alpha-energie' }],
      territories: [{ ref: 'region:32', name: 'Hauts-de-France' }],
    });
    expect(o.allies.edges.map((e) => e.node.slug)).toEqual(['alpha-energie', 'beta-nourriture']);
    const all = await api.gql<{ chantiers: Edges<{ slug: string }> }>('{ chantiers(filter: { objective: "2" }, orderBy: { field: TITLE, direction: DESC }) { edges { node { slug } } } }');
    expect(all.data!.chantiers.edges.map((e) => e.node.slug)).toEqual(['chantier-renouvelable', 'chantier-cantines']);
  });

  it('job (c): a theme’s leads and members with coordinates (the feed of a map)', async () => {
    const res = await api.gql<{ theme: { name: string; leads: { slug: string; location: unknown }[]; allies: Edges<{ slug: string; location: { latitude: number; longitude: number } | null }> } }>(`{
      theme(slug: "energie") {
        name
        leads { slug location { latitude longitude } }
        allies(first: 100) { edges { node { slug location { latitude longitude } } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.theme.name).toBe('Énergie');
    expect(res.data!.theme.leads).toEqual([{ slug: 'alpha-energie', location: { latitude: 50.46, longitude: 2.79 } }]);
    expect(res.data!.theme.allies.edges.map((e) => e.node.slug)).toEqual(['alpha-energie', 'beta-nourriture', 'gamma-bretagne']);
    expect(res.data!.theme.allies.edges[2].node.location).toEqual({ latitude: 48.25, longitude: -2.5 });
  });

  it('pages allies(first: 3, orderBy: NAME) to the end: every public ally once, even with an insert mid-way', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let inserted = false;
    for (let i = 0; i < 50; i++) {
      const res: { data?: { allies: Edges<{ slug: string }> }; errors?: unknown } = await api.gql<{ allies: Edges<{ slug: string }> }>(
        'query($after: String) { allies(first: 3, after: $after, orderBy: { field: NAME }) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.allies.edges.map((e) => e.node.slug));
      if (!inserted && seen.length >= 6) {
        // An ally sorting before the cursor and one after it arrive while the client pages.
        await importValid(api.db, { format: 'archipel-bundle', version: 1, allies: [
          { slug: 'aaa-nouveau', name: 'AAA Nouveau', kind: 'ORGANIZATION' },
          { slug: 'zz-nouveau', name: 'Zz Nouveau', kind: 'ORGANIZATION' },
        ] });
        inserted = true;
      }
      if (!res.data!.allies.pageInfo.hasNextPage) break;
      after = res.data!.allies.pageInfo.endCursor;
    }
    const publicAllies = readFixture().allies!.filter((a) => a.kind === 'ORGANIZATION' || a.public).map((a) => a.slug);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(publicAllies));
    expect(seen).toContain('zz-nouveau');
    expect(seen).not.toContain('aaa-nouveau');
    expect(seen.length).toBe(publicAllies.length + 1);
    await api.db.writeTx((tx) => tx.run("MATCH (a:Ally) WHERE a.slug IN ['aaa-nouveau', 'zz-nouveau'] DETACH DELETE a"));
  });

  it('pages backward with last/before, and orders by every field with a stable tie-break', async () => {
    const fwd = await api.gql<{ allies: Edges<{ slug: string }> }>('{ allies(first: 100, orderBy: { field: CHARTER_SIGNED_ON, direction: DESC }) { edges { cursor node { slug } } } }');
    const order = fwd.data!.allies.edges.map((e) => e.node.slug);
    expect(order.slice(0, 2)).toEqual(['zeta-19', 'zeta-18']);
    expect(order[order.length - 1]).toBe('delta-personne'); // no signature date: last
    const mid = fwd.data!.allies.edges[10].cursor;
    const back = await api.gql<{ allies: Edges<{ slug: string }> }>(
      'query($b: String) { allies(last: 3, before: $b, orderBy: { field: CHARTER_SIGNED_ON, direction: DESC }) { edges { node { slug } } pageInfo { hasPreviousPage hasNextPage } } }',
      { b: mid },
    );
    expect(back.data!.allies.edges.map((e) => e.node.slug)).toEqual(order.slice(7, 10));
    expect(back.data!.allies.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: true });
    for (const field of ['NAME', 'DEGREE', 'CREATED_AT', 'CHARTER_SIGNED_ON']) {
      const r = await api.gql<{ allies: Edges<{ slug: string; degree: number }> }>(`{ allies(first: 100, orderBy: { field: ${field}, direction: ASC }) { totalCount edges { node { slug degree } } } }`);
      expect(r.errors).toBeUndefined();
      expect(r.data!.allies.totalCount).toBe(24);
      if (field === 'DEGREE') {
        const d = r.data!.allies.edges.map((e) => e.node.degree);
        expect(d).toEqual([...d].sort((a, b) => a - b));
      }
    }
  });

  it('a page of 50 allies with themes, seat and chantiers with objectives costs 3 round trips (the page; its short lists and pages; the objectives)', async () => {
    const res = await api.gql<{ allies: { edges: unknown[] } }>(`{
      allies(first: 50) { edges { node { name themes { role theme { name } } basedIn { name } chantiers { edges { node { role chantier { title objectives { code } } } } } } } }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.allies.edges.length).toBeGreaterThan(0);
    expect(res.roundTrips).toBe(3);
  });

  // ally(slug) reads its selected out-lists ahead (asksAhead): the same answer as when each list is
  // read by its own field (here: the same allies through `allies`), in one round trip.
  const CARD = `slug name basedIn { ref name } actsIn { ref } themes { role theme { slug name } }
    first: chantiers(first: 1) { edges { node { role since chantier { slug title } } } pageInfo { hasNextPage endCursor } }
    all: chantiers(first: 5) { edges { node { role chantier { slug } } } }
    affiliations { role organization { slug } } communities { slug } events { role event { slug } } resources { slug }`;

  // One page among the lists (the usual card): by-keys with that page by shape, one round trip; a
  // second page (an alias) is read by its field, a second round trip.
  const ONE_PAGE = `slug name basedIn { ref name } themes { role theme { slug name } }
    all: chantiers(first: 2) { edges { cursor node { role since chantier { slug title } } } pageInfo { hasNextPage endCursor } }`;

  it.each([['two pages', CARD, 2], ['one page', ONE_PAGE, 1]] as const)('an ally card (%s) reads the ally and its lists in %i round trip(s), the same answer as its fields alone', async (_kind, CARD, trips) => {
    const list = await api.gql<{ allies: { edges: { node: { slug: string } }[] } }>(`{ allies(first: 100) { edges { node { ${CARD} } } } }`);
    expect(list.errors).toBeUndefined();
    const bySlug = new Map(list.data!.allies.edges.map((e) => [e.node.slug, e.node]));
    for (const slug of ['alpha-energie', 'beta-nourriture', 'delta-personne']) {
      const card = await api.gql<{ ally: { slug: string } }>(`query($s: String!) { ally(slug: $s) { ${CARD} } }`, { s: slug });
      expect(card.errors).toBeUndefined();
      expect(card.data!.ally).toEqual(bySlug.get(slug));
      expect(card.roundTrips).toBe(trips);
    }
    const some = [...bySlug.values()] as unknown as { all: { edges: unknown[] }; themes: unknown[] }[];
    expect(some.some((a) => a.all.edges.length > 1 && a.themes.length > 0)).toBe(true); // the lists compared are not all empty
  });

  it('an ally card: a list with bad arguments is refused by its field, an unknown ally is null in one round trip', async () => {
    const bad = await api.gql<{ ally: { slug: string; chantiers: unknown } | null }>('{ ally(slug: "alpha-energie") { slug themes { role } chantiers(first: 1000) { edges { cursor } } } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].path).toEqual(['ally', 'chantiers']);
    const none = await api.gql<{ ally: null }>('{ ally(slug: "nobody-here") { slug themes { role } } }');
    expect(none.errors).toBeUndefined();
    expect(none.data!.ally).toBeNull();
    expect(none.roundTrips).toBe(1);
  });

  it('refuses bad values with BAD_USER_INPUT naming the argument', async () => {
    const cases: [string, string, RegExp][] = [
      ['{ allies(filter: { themes: ["astrologie"] }) { totalCount } }', 'filter.themes', /unknown theme "astrologie" \(known: .*energie/],
      ['{ allies(filter: { themes: ["energy"] }) { totalCount } }', 'filter.themes', /unknown theme "energy" \(did you mean "energie"\?\)/],
      ['{ chantiers(filter: { themes: ["energy"] }) { totalCount } }', 'filter.themes', /unknown theme "energy" \(did you mean "energie"\?\)/],
      ['{ allies(filter: { territory: "32" }) { totalCount } }', 'filter.territory', /region:32 \(Hauts-de-France\) or departement:32 \(Gers\)/],
      ['{ allies(first: 500) { totalCount } }', 'first', /between 1 and 100/],
      ['{ allies(after: "nonsense") { totalCount } }', 'after', /malformed cursor/],
      ['{ allies(filter: { chantier: "nope" }) { totalCount } }', 'filter.chantier', /unknown chantier "nope"/],
      ['{ chantiers(filter: { objective: "9" }) { totalCount } }', 'filter.objective', /unknown Charter objective "9"/],
      ['{ territory(ref: "62") { name } }', 'ref', /departement:62 \(Pas-de-Calais\)/],
      ['{ node(id: "zzz") { id } }', 'id', /not a global id/],
    ];
    for (const [query, argument, message] of cases) {
      const res = await api.gql(query);
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
      expect(res.errors?.[0].message).toMatch(message);
    }
    const other = await api.gql<{ allies: Edges<unknown> }>('{ allies(first: 2, orderBy: { field: NAME }) { pageInfo { endCursor } } }');
    const res = await api.gql('query($a: String) { allies(after: $a, orderBy: { field: DEGREE }) { totalCount } }', { a: other.data!.allies.pageInfo.endCursor });
    expect(res.errors?.[0].message).toMatch(/belongs to the order NAME:ASC, not DEGREE:ASC/);
  });

  it('node(id) and nodes(ids) fetch any object again by its global id', async () => {
    const res = await api.gql<{ ally: { id: string }; theme: { id: string }; territory: { id: string } }>('{ ally(slug: "alpha-energie") { id } theme(slug: "energie") { id } territory(ref: "commune:62528") { id } }');
    const ids = [res.data!.ally.id, res.data!.theme.id, res.data!.territory.id];
    const back = await api.gql<{ nodes: { __typename: string }[]; node: { slug: string } }>(
      `query($ids: [ID!]!, $id: ID!) { nodes(ids: $ids) { __typename } node(id: $id) { ... on Ally { slug } } }`,
      { ids, id: ids[0] },
    );
    expect(back.errors).toBeUndefined();
    expect(back.data!.nodes.map((n) => n.__typename)).toEqual(['Ally', 'Theme', 'Territory']);
    expect(back.data!.node).toEqual({ slug: 'alpha-energie' });
  });
});
