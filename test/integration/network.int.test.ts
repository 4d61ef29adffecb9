import { shapedQuery } from '../../src/db/cypher-registry';
import { networkFilterParams, NetworkFilterParams, presentConditions } from '../../src/modules/network/network.filter';
import { statsStart, TerritoryStatRow, withAllyCounts } from '../../src/modules/stats/stats.repository';
import { AllyKind } from '../../src/modules/ally/ally.types';
import { startTestApiOn, TestApi } from '../helpers/api';
import { networkFixture } from '../fixtures/network-fixture';

/**
 * Who works with whom, on the hand-computable fixture of test/fixtures/network-fixture.ts (its
 * comment gives the graph); every expected value here is computed by hand from it.
 */
describe('network', () => {
  let api: TestApi;
  // Generous: the machine is shared, and a loaded one takes a while to import the fixture.
  beforeAll(async () => {
    api = await startTestApiOn(networkFixture());
  }, 240_000);
  afterAll(() => api.close());

  type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  async function ok(query: string, variables?: Record<string, unknown>): Promise<Data> {
    const res = await api.gql<Data>(query, variables);
    expect(res.errors).toBeUndefined();
    expect(res.data).toBeDefined();
    return res.data!;
  }
  async function badInput(query: string, argument: string, message: RegExp) {
    const res = await api.gql(query);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(res.errors![0].message).toMatch(message);
    return res;
  }
  const viaTitles = (via: { title?: string; name?: string }[]) => via.map((v) => v.title ?? v.name);
  const VIA = '__typename ... on Chantier { title } ... on LearningCommunity { name } ... on Ally { name }';

  describe('Ally.collaborators', () => {
    const q = (slug: string, args = '') => `{ ally(slug: "${slug}") { collaborators${args} { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { weight ally { slug } via { ${VIA} } } } } } }`;

    it('weights and via, ordered by weight desc, then name', async () => {
      const d = await ok(q('a1'));
      const c = d.ally.collaborators;
      expect(c.totalCount).toBe(4); // the private member of a1 is not counted
      expect(c.edges.map((e: Data) => [e.node.ally.slug, e.node.weight, viaTitles(e.node.via)])).toEqual([
        ['a2', 3, ['Chantier Alpha Un', 'L’énergie citoyenne', 'Communauté Alpha']],
        ['a3', 2, ['Chantier Alpha Un', 'L’énergie citoyenne']],
        ['a4', 2, ['Chantier Alpha Un', 'L’énergie citoyenne']],
        ['paul', 1, ['Anémone Énergie']], // a membership: via the organisation
      ]);
      expect(c.pageInfo.hasNextPage).toBe(false);
    });

    it('the bridge weighs 1, after the weight-2 collaborators', async () => {
      const d = await ok(q('b1'));
      expect(d.ally.collaborators.edges.map((e: Data) => [e.node.ally.slug, e.node.weight])).toEqual([['b2', 2], ['b3', 2], ['b4', 2], ['a4', 1]]);
      expect(d.ally.collaborators.edges[3].node.via).toEqual([{ __typename: 'LearningCommunity', name: 'Communauté du pont' }]);
    });

    it('theme keeps only collaborators working on it', async () => {
      const d = await ok(q('a1', '(theme: "energie")'));
      expect(d.ally.collaborators.totalCount).toBe(2);
      expect(d.ally.collaborators.edges.map((e: Data) => e.node.ally.slug)).toEqual(['a2', 'a4']);
    });

    it('a page without totalCount is read without counting (its own query), the same rows and cursors', async () => {
      const page = 'pageInfo { hasNextPage endCursor } edges { cursor node { weight ally { slug } via { __typename } } }';
      for (const args of ['', '(first: 2)', '(theme: "energie")']) {
        const res = await api.gql<Data>(`{ ally(slug: "a1") { counted: collaborators${args} { totalCount ${page} } bare: collaborators${args} { ${page} } } }`);
        expect(res.errors).toBeUndefined();
        const { counted, bare } = res.data!.ally;
        expect(counted.edges.length).toBeGreaterThan(0);
        expect(bare).toEqual({ pageInfo: counted.pageInfo, edges: counted.edges });
        expect(res.roundTrips).toBe(3); // the ally; the page with its total; the page alone
      }
      // and a total asked through a fragment is still read
      const f = await ok('{ ally(slug: "a1") { collaborators { ...total } } } fragment total on CollaboratorConnection { totalCount }');
      expect(f.ally.collaborators.totalCount).toBe(4);
    });

    it('pages with keyset cursors', async () => {
      const p1 = await ok(q('a1', '(first: 2)'));
      expect(p1.ally.collaborators.edges.map((e: Data) => e.node.ally.slug)).toEqual(['a2', 'a3']);
      expect(p1.ally.collaborators.pageInfo.hasNextPage).toBe(true);
      const p2 = await ok(q('a1', `(first: 2, after: "${p1.ally.collaborators.pageInfo.endCursor}")`));
      expect(p2.ally.collaborators.edges.map((e: Data) => e.node.ally.slug)).toEqual(['a4', 'paul']);
      expect(p2.ally.collaborators.pageInfo.hasNextPage).toBe(false);
    });

    it('is batched across parents: one query for the collaborators of a whole list', async () => {
      const res = await api.gql<Data>('{ allies(first: 20) { edges { node { slug collaborators(first: 1) { edges { node { ally { slug } } } } } } } }');
      expect(res.errors).toBeUndefined();
      const top = Object.fromEntries(res.data!.allies.edges.map((e: Data) => [e.node.slug, e.node.collaborators.edges[0]?.node.ally.slug ?? null]));
      expect(top).toMatchObject({ a1: 'a2', b1: 'b2', saule: 'albatros', tilleul: 'albatros', paul: 'a1' });
      expect(res.roundTrips).toBe(2); // the allies page, then all their collaborators
    });

    it('an unknown theme is BAD_USER_INPUT naming it', async () => {
      await badInput(q('a1', '(theme: "nope")'), 'theme', /unknown theme "nope"/);
    });
  });
  describe('Ally.suggestedCollaborators', () => {
    const q = (slug: string) => `{ ally(slug: "${slug}") { suggestedCollaborators { score reasons ally { slug } } } }`;
    const AA4 = Math.round((1 / Math.log(4)) * 1000) / 1000; // a common collaborator with 4 collaborators

    it('scores and reasons, computed by hand', async () => {
      // a2 (Loos-en-Gohelle, énergie) already works with a1, a3, a4. Paul: a1 in common (4
      // collaborators) + the same seat; b1: a4 in common (4 collaborators) + énergie. The private
      // person (same seat, énergie, member of a1) is never suggested.
      const d = await ok(q('a2'));
      expect(d.ally.suggestedCollaborators).toEqual([
        { ally: { slug: 'paul' }, score: Math.round((1 / Math.log(4) + 1) * 1000) / 1000, reasons: ['1 collaborator in common: Anémone Énergie', 'both in Loos-en-Gohelle'] },
        { ally: { slug: 'b1' }, score: Math.round((1 / Math.log(4) + 0.5) * 1000) / 1000, reasons: ['1 collaborator in common: Dahlia Réseau', 'both work on Énergie'] },
      ]);
    });

    it('the same région counts a quarter', async () => {
      const d = await ok(q('a3'));
      expect(d.ally.suggestedCollaborators).toEqual([
        { ally: { slug: 'paul' }, score: Math.round((1 / Math.log(4) + 0.25) * 1000) / 1000, reasons: ['1 collaborator in common: Anémone Énergie', 'both in Hauts-de-France'] },
        { ally: { slug: 'b1' }, score: AA4, reasons: ['1 collaborator in common: Dahlia Réseau'] },
      ]);
    });

    it('first: 51 is BAD_USER_INPUT naming it', async () => {
      await badInput('{ ally(slug: "a2") { suggestedCollaborators(first: 51) { score } } }', 'first', /first: must be between 1 and 50 \(got 51\)/);
    });
  });

  describe('collaborationPath', () => {
    const q = (from: string, to: string, maxHops?: number) =>
      `{ collaborationPath(from: "${from}", to: "${to}"${maxHops ? `, maxHops: ${maxHops}` : ''}) { hops steps { ally { slug } via { ${VIA} } } } }`;
    const steps = (d: Data) => d.collaborationPath.steps.map((s: Data) => [s.ally.slug, viaTitles(s.via)]);

    it('a 3-hop chain across the bridge, with the contexts of each step', async () => {
      const d = await ok(q('a1', 'b4'));
      expect(d.collaborationPath.hops).toBe(3);
      expect(steps(d)).toEqual([
        ['a1', []],
        ['a4', ['Chantier Alpha Un', 'L’énergie citoyenne']],
        ['b1', ['Communauté du pont']],
        ['b4', ['Chantier Breton Deux', 'Chantier Breton Un']],
      ]);
    });

    it('the tie rule: of two equally short chains, the one whose next ally comes first by name', async () => {
      // Saule → Albatros → Tilleul and Saule → Mésange → Tilleul (and, invisible, Saule → Aa Privée → Tilleul).
      const d = await ok(q('saule', 'tilleul'));
      expect(steps(d)).toEqual([['saule', []], ['albatros', ['Diamant Trois']], ['tilleul', ['Diamant Quatre']]]);
      const back = await ok(q('tilleul', 'saule'));
      expect(back.collaborationPath.steps.map((s: Data) => s.ally.slug)).toEqual(['tilleul', 'albatros', 'saule']);
    });

    it('null beyond maxHops and between unconnected allies', async () => {
      expect((await ok(q('a1', 'b4', 2))).collaborationPath).toBeNull();
      expect((await ok(q('a1', 'saule'))).collaborationPath).toBeNull();
      expect((await ok(q('a1', 'b1', 2))).collaborationPath.hops).toBe(2);
    });

    it('an ally to itself is 0 hops', async () => {
      expect(steps(await ok(q('a1', 'a1')))).toEqual([['a1', []]]);
    });

    it('maxHops: 7 is BAD_USER_INPUT naming the argument and the limit, before any Cypher', async () => {
      const res = await badInput(q('a1', 'b4', 7), 'maxHops', /maxHops: must be between 1 and 6 \(got 7\)/);
      expect(res.roundTrips).toBe(0);
    });

    it('an unknown slug is BAD_USER_INPUT naming the argument', async () => {
      await badInput(q('a1', 'personne'), 'to', /to: unknown ally "personne"/);
      await badInput(q('personne', 'a1'), 'from', /from: unknown ally "personne"/);
    });
  });
  describe('search', () => {
    const HIT = 'score node { __typename ... on Theme { slug name } ... on Ally { slug } ... on Chantier { slug } ... on Territory { ref name } }';
    const hits = async (text: string, args = '') => (await ok(`query($text: String!) { search(text: $text${args}) { ${HIT} } }`, { text })).search as Data[];

    it.each(['energie', 'ÉNERGIE', "l'énergie", 'l’Énergie', 'enrgie'])('"%s" finds the theme Énergie first', async (text) => {
      const h = await hits(text, ', types: [THEME]');
      expect(h[0].node).toEqual({ __typename: 'Theme', slug: 'energie', name: 'Énergie' });
    });

    it('one search over every type, ranked', async () => {
      const h = await hits('energie');
      const found = h.map((x) => `${x.node.__typename}:${x.node.slug}`);
      expect(found).toEqual(expect.arrayContaining(['Theme:energie', 'Ally:a1', 'Chantier:energie-citoyenne']));
      for (let i = 1; i < h.length; i++) expect(h[i - 1].score).toBeGreaterThanOrEqual(h[i].score);
    });

    it('a prefix: "solai" finds Solaire', async () => {
      expect((await hits('solai', ', types: [THEME]')).map((x) => x.node.slug)).toEqual(['solaire']);
    });

    it.each(['62528', '62750', 'Loos-en-Gohelle', 'loos gohelle'])('territory by INSEE code, postal code or name: "%s"', async (text) => {
      const h = await hits(text, ', types: [TERRITORY]');
      expect(h[0].node).toEqual({ __typename: 'Territory', ref: 'commune:62528', name: 'Loos-en-Gohelle' });
    });

    it.each(['AND (', '*', '~', '"', '\\', 'a"b OR (c\\d*', 'title:x', '-', '&& || !'])('user text %j is searched, never an error', async (text) => {
      const res = await api.gql<Data>('query($text: String!) { search(text: $text) { score } }', { text });
      expect(res.errors).toBeUndefined();
      expect(Array.isArray(res.data!.search)).toBe(true);
    });

    it('first: 500 and a 201-character text are BAD_USER_INPUT, before any Cypher', async () => {
      const a = await badInput('{ search(text: "energie", first: 500) { score } }', 'first', /first: must be between 1 and 100 \(got 500\)/);
      expect(a.roundTrips).toBe(0);
      const b = await badInput(`{ search(text: "${'x'.repeat(201)}") { score } }`, 'text', /text: at most 200 characters \(got 201\)/);
      expect(b.roundTrips).toBe(0);
    });
  });
  describe('network and neighbourhood', () => {
    const NET = 'truncated totalNodes nodes { id type label attributes degree community betweenness } edges { id source target type weight } communities { id size label }';
    const bySlug = (net: Data) => new Map<string, Data>(net.nodes.map((n: Data) => [n.attributes.slug ?? n.attributes.ref ?? n.attributes.code, n]));

    it('two dense groups joined by one edge are two communities, labelled after their most connected member', async () => {
      const d = await ok(`{ network(filter: { themes: ["energie", "alimentation"] }, projection: COLLABORATION) { ${NET} } }`);
      const net = d.network;
      // a1..a4 (a 4-clique), b1, b2, b4 (a triangle; b3 has no theme), joined by a4–b1
      expect(net.totalNodes).toBe(7);
      expect(net.truncated).toBe(false);
      expect(net.edges).toHaveLength(6 + 3 + 1);
      const n = bySlug(net);
      expect([...n.keys()].sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b4']);
      expect(net.communities).toEqual([{ id: 0, size: 4, label: 'Dahlia Réseau' }, { id: 1, size: 3, label: 'Érable Bretagne' }]);
      for (const k of ['a1', 'a2', 'a3', 'a4']) expect(n.get(k)!.community).toBe(0);
      for (const k of ['b1', 'b2', 'b4']) expect(n.get(k)!.community).toBe(1);
      expect(n.get('a4')!.degree).toBe(4);
      expect(n.get('b1')!.degree).toBe(3);
      // the bridge ends carry all the betweenness
      const top = [...net.nodes].sort((x: Data, y: Data) => y.betweenness - x.betweenness).slice(0, 2).map((x: Data) => x.attributes.slug).sort();
      expect(top).toEqual(['a4', 'b1']);
      const a1a2 = net.edges.find((e: Data) => [e.source, e.target].sort().join() === [n.get('a1')!.id, n.get('a2')!.id].sort().join());
      expect(a1a2).toMatchObject({ type: 'COLLABORATES_WITH', weight: 3 });
      // betweenness is computed only when selected; the rest is the same without it
      const lean = (await ok('{ network(filter: { themes: ["energie", "alimentation"] }, projection: COLLABORATION) { nodes { id degree community } communities { id size label } } }')).network;
      expect(lean.nodes).toEqual(net.nodes.map((x: Data) => ({ id: x.id, degree: x.degree, community: x.community })));
      // the same graph gives the same answer
      expect((await ok(`{ network(filter: { themes: ["energie", "alimentation"] }, projection: COLLABORATION) { ${NET} } }`)).network).toEqual(net);
    });

    it('a truncated BIPARTITE network keeps its hubs and says so', async () => {
      // chantier-a1's contributors and their contexts: 14 nodes; degrees 6 (a4, chantier-a1),
      // 5 (L’énergie citoyenne, Énergie, a1, a2), 4 (a3), then 2 and 1: the 7 most connected are kept.
      const full = (await ok(`{ network(filter: { chantier: "chantier-a1" }) { ${NET} } }`)).network;
      expect(full.totalNodes).toBe(14);
      expect(full.truncated).toBe(false);
      const d = await ok(`{ network(filter: { chantier: "chantier-a1" }, maxNodes: 7) { ${NET} } }`);
      expect(d.network.truncated).toBe(true);
      expect(d.network.totalNodes).toBe(14);
      expect([...bySlug(d.network).keys()].sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'chantier-a1', 'energie', 'energie-citoyenne']);
      expect(d.network.edges).toHaveLength(13);
      expect(new Set(d.network.edges.map((e: Data) => e.type))).toEqual(new Set(['CONTRIBUTES_TO', 'WORKS_ON', 'ADDRESSES']));
      const types = Object.fromEntries(full.nodes.map((x: Data) => [x.label, x.type]));
      expect(types).toMatchObject({ 'Chantier Alpha Un': 'Chantier', 'Énergie': 'Theme', 'Loos-en-Gohelle': 'Territory', 'Communauté apprenante': 'CharterObjective', 'Communauté du pont': 'LearningCommunity', 'Dahlia Réseau': 'Ally' });
    });

    it('maxEdges returns the heaviest edges and says how many there are; degrees and communities count them all', async () => {
      const q = (extra: string) => `{ network(filter: { themes: ["energie", "alimentation"] }, projection: COLLABORATION${extra}) { edgesTruncated totalEdges nodes { id degree community } edges { source target weight } } }`;
      const full = (await ok(q(''))).network;
      expect(full).toMatchObject({ edgesTruncated: false, totalEdges: 10 });
      const two = (await ok(q(', maxEdges: 2'))).network;
      expect(two).toMatchObject({ edgesTruncated: true, totalEdges: 10 });
      expect(two.edges).toHaveLength(2);
      // the two heaviest of the full network (returned, as always, in edge id order)
      const desc = (ws: number[]) => [...ws].sort((x, y) => y - x);
      expect(desc(two.edges.map((e: Data) => e.weight))).toEqual(desc(full.edges.map((e: Data) => e.weight)).slice(0, 2));
      expect(two.nodes).toEqual(full.nodes);
    });

    it('filters by territory (within), objective and kinds', async () => {
      const ter = (await ok('{ network(filter: { territory: "region:32" }, projection: COLLABORATION) { nodes { attributes } } }')).network;
      expect(ter.nodes.map((x: Data) => x.attributes.slug).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'paul']);
      const obj = (await ok('{ network(filter: { objective: "1", kinds: [ORGANIZATION] }, projection: COLLABORATION) { nodes { attributes } } }')).network;
      expect(obj.nodes.map((x: Data) => x.attributes.slug).sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
    });

    it('the neighbourhood of an ally, at depth 1 (as stored) and 2 (collaborations)', async () => {
      const id = (await ok('{ ally(slug: "b1") { id } a1: ally(slug: "a1") { id } }'));
      const one = (await ok(`{ neighbourhood(id: "${id.ally.id}") { ${NET} } }`)).neighbourhood;
      expect(one.nodes.map((x: Data) => x.label).sort()).toEqual(['Chantier Breton Deux', 'Chantier Breton Un', 'Communauté du pont', 'Le Mené', 'Énergie', 'Érable Bretagne'].sort());
      expect(one.edges).toHaveLength(5);
      const two = (await ok(`{ neighbourhood(id: "${id.a1.id}", depth: 2, projection: COLLABORATION) { ${NET} } }`)).neighbourhood;
      expect(two.nodes.map((x: Data) => x.attributes.slug).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'paul']);
      expect(two.edges).toHaveLength(8);
      expect(two.truncated).toBe(false);
    });

    it.each([
      ['{ network(maxNodes: 5000) { totalNodes } }', 'maxNodes', /maxNodes: must be between 1 and 2000 \(got 5000\)/],
      ['{ network(maxEdges: 50001) { totalNodes } }', 'maxEdges', /maxEdges: must be between 1 and 50000 \(got 50001\)/],
      ['{ neighbourhood(id: "QWxseTp4", maxEdges: 0) { totalNodes } }', 'maxEdges', /maxEdges: must be between 1 and 50000 \(got 0\)/],
      ['{ neighbourhood(id: "QWxseTp4", depth: 4) { totalNodes } }', 'depth', /depth: must be between 1 and 3 \(got 4\)/],
      ['{ network(filter: { territory: "32" }) { totalNodes } }', 'filter.territory', /filter\.territory: .*region:32.*departement:32/],
    ])('%s is BAD_USER_INPUT naming the argument and the limit, before any Cypher', async (query, argument, message) => {
      const res = await badInput(query, argument, message);
      expect(res.roundTrips).toBe(0);
    });

    it('an unknown slug in the filter is BAD_USER_INPUT naming it', async () => {
      await badInput('{ network(filter: { themes: ["nope"] }) { totalNodes } }', 'filter.themes', /unknown theme "nope"/);
      await badInput('{ network(filter: { chantier: "nope" }) { totalNodes } }', 'filter.chantier', /unknown chantier "nope"/);
    });
  });
  describe('statistics', () => {
    const row = (r: Data) => [r.territory.ref, r.allies, r.organizations, r.persons, r.chantiers];

    it('the counts of the départements of a region', async () => {
      const d = await ok('{ territoryStats(level: DEPARTEMENT, within: "region:32") { territory { ref code level name } allies organizations persons chantiers } }');
      // 59: a3, a4; 62: a1, a2, Paul (the private person is not counted) and "L’énergie citoyenne"
      // (Chantier Alpha Un is located in the region itself, not within a département)
      expect(d.territoryStats.map(row)).toEqual([
        ['departement:59', 2, 2, 0, 0],
        ['departement:62', 3, 2, 1, 1],
      ]);
      expect(d.territoryStats[1].territory).toEqual({ ref: 'departement:62', code: '62', level: 'DEPARTEMENT', name: 'Pas-de-Calais' });
    });

    it('the regions of the country, filtered by theme', async () => {
      const all = await ok('{ territoryStats(level: REGION) { territory { ref } allies organizations persons chantiers } }');
      expect(all.territoryStats.map(row)).toEqual([
        ['region:28', 4, 4, 0, 0],
        ['region:32', 5, 4, 1, 2],
        ['region:53', 4, 4, 0, 1],
      ]);
      const energie = await ok('{ territoryStats(level: REGION, filter: { themes: ["energie"] }) { territory { ref } allies organizations persons chantiers } }');
      expect(energie.territoryStats.map(row)).toEqual([
        ['region:28', 0, 0, 0, 0],
        ['region:32', 3, 3, 0, 2],
        ['region:53', 2, 2, 0, 0],
      ]);
    });

    it('the two ways of finding a level\'s territories (down from within, or the level checked upwards) count alike', async () => {
      const f = networkFilterParams(undefined);
      const energie = networkFilterParams({ themes: ['energie'] });
      const cases: [string, string, NetworkFilterParams][] = [
        ['REGION', 'country:FR', f],
        ['DEPARTEMENT', 'region:32', f],
        ['COMMUNE', 'departement:62', f],
        ['COMMUNE', 'region:32', energie],
      ];
      for (const [level, within, filter] of cases) {
        const present = presentConditions(filter);
        const [down, up] = await Promise.all(
          ['stats/territory-stats', 'stats/territory-stats-by-level'].map(async (file) => {
            const [r] = await api.db.read<{ rows: Data[] }>(shapedQuery(file, present), { level, within, f: filter, canSeePrivate: false });
            return r.rows.map(row);
          }),
        );
        expect(down.length).toBeGreaterThan(0);
        expect(up).toEqual(down);
      }
    });

    it('a level\'s allies counted from the filter\'s start set (chantier, themes) or walked down from each territory count alike', async () => {
      const cases: [string, string, NetworkFilterParams][] = [
        ['REGION', 'country:FR', networkFilterParams({ themes: ['energie'] })],
        ['DEPARTEMENT', 'region:32', networkFilterParams({ themes: ['energie', 'alimentation'], kinds: [AllyKind.ORGANIZATION] })],
        ['REGION', 'country:FR', networkFilterParams({ chantier: 'chantier-a1' })],
        ['DEPARTEMENT', 'country:FR', networkFilterParams({ chantier: 'chantier-a1', objective: '1', territory: 'region:32' })],
      ];
      let counted = 0;
      for (const [level, within, filter] of cases) {
        const present = presentConditions(filter);
        const params = { level, within, f: filter, start: statsStart(filter), canSeePrivate: false };
        const [[down], [up]] = await Promise.all([
          api.db.read<{ rows: TerritoryStatRow[] }>(shapedQuery('stats/territory-stats-by-level', present), params),
          api.db.read<{ rows: TerritoryStatRow[]; allyCounts: { eid: string; allies: number; organizations: number; persons: number }[] }>(shapedQuery('stats/territory-stats-from-allies', present), params),
        ]);
        expect(down.rows.length).toBeGreaterThan(0);
        expect(withAllyCounts(up.rows, up.allyCounts).map(row)).toEqual(down.rows.map(row));
        counted += down.rows.reduce((n, r) => n + r.allies, 0);
      }
      expect(counted).toBeGreaterThan(0); // some allies were counted, not only zeros
      // The API takes that way for these filters: the same rows.
      const d = await ok('{ territoryStats(level: REGION, filter: { themes: ["energie"] }) { territory { ref } allies organizations persons chantiers } }');
      const [walked] = await api.db.read<{ rows: TerritoryStatRow[] }>(shapedQuery('stats/territory-stats-by-level', ['themes']), {
        level: 'REGION', within: 'country:FR', f: networkFilterParams({ themes: ['energie'] }), canSeePrivate: false,
      });
      expect(d.territoryStats.map(row)).toEqual(walked.rows.map(row));
    });

    it('per theme: allies, leads, chantiers', async () => {
      const d = await ok('{ themeStats { theme { slug } allies leads chantiers } }');
      expect(d.themeStats.map((r: Data) => [r.theme.slug, r.allies, r.leads, r.chantiers])).toEqual([
        ['alimentation', 2, 0, 0],
        ['energie', 5, 1, 2],
        ['solaire', 1, 0, 0],
      ]);
      const hdf = await ok('{ themeStats(filter: { themes: ["energie"], territory: "region:32" }) { theme { slug } allies leads chantiers } }');
      expect(hdf.themeStats.map((r: Data) => [r.theme.slug, r.allies, r.leads, r.chantiers])).toEqual([['energie', 3, 1, 2]]);
    });

    it.each([
      ['{ territoryStats(level: REGION, within: "32") { allies } }', 'within', /within: .*region:32.*departement:32/],
      ['{ territoryStats(level: REGION, within: "departement:62") { allies } }', 'within', /within: departement:62 is not above the level REGION/],
      ['{ territoryStats(level: REGION, filter: { territory: "32" }) { allies } }', 'filter.territory', /region:32/],
    ])('%s is BAD_USER_INPUT before any Cypher', async (query, argument, message) => {
      expect((await badInput(query, argument, message)).roundTrips).toBe(0);
    });

    it('an unknown theme or territory is BAD_USER_INPUT naming it', async () => {
      await badInput('{ themeStats(filter: { themes: ["nope"] }) { allies } }', 'filter.themes', /unknown theme "nope"/);
      await badInput('{ territoryStats(level: COMMUNE, within: "departement:01") { allies } }', 'within', /no territory "departement:01"/);
    });
  });
});
