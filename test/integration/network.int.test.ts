import { startTestApiOn, TestApi } from '../helpers/api';
import { networkFixture } from '../fixtures/network-fixture';

/**
 * Who works with whom, on the hand-computable fixture of test/fixtures/network-fixture.ts (its
 * comment gives the graph); every expected value here is computed by hand from it.
 */
describe('network', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(networkFixture());
  });
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
});
