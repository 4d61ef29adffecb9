import { startTestApiOn, TestApi } from '../helpers/api';
import { CANARY, readFixture } from '../fixtures/read-fixture';
import { toGlobalId } from '../../src/common/relay';
import { expectData } from '../helpers/expect-data';

/**
 * DESIGN §3: an anonymous reader never sees a person whose `public` is false — not in lists, counts,
 * nested lists, node(id) or degrees — and never sees an email. The canary is a private person linked
 * to everything in the fixture (themes, chantiers, an organisation, an event, a community, a
 * resource, territories); no anonymous query of the read API may return it, its name or its email.
 */
describe('privacy canary', () => {
  let api: TestApi;
  let canaryGlobalId: string;
  beforeAll(async () => {
    api = await startTestApiOn(readFixture());
    const uuid = await api.db.readTx(async (tx) => (await tx.run('MATCH (a:Ally {slug: $s}) RETURN a.id AS id', { s: CANARY.slug })).records[0].get('id'));
    canaryGlobalId = toGlobalId('Ally', uuid);
  });
  afterAll(() => api.close());

  const allyFields = 'id slug name email degree';
  /** Each query, and the paths of its answer that must have come back (STYLE 14: else it proves nothing). */
  const queries: Record<string, [string, ...string[]]> = {
    allies: [`{ allies(first: 100) { totalCount edges { node { ${allyFields} } } } }`, 'allies.edges.0', 'allies.totalCount'],
    alliesByTheme: ['{ allies(first: 100, filter: { themes: ["energie", "alimentation"], themesMatch: ALL }) { totalCount edges { node { slug name } } } }', 'allies.edges.0', 'allies.totalCount'],
    alliesPersons: ['{ allies(first: 100, filter: { kind: PERSON }) { totalCount edges { node { slug name } } } }', 'allies.edges.0', 'allies.totalCount'],
    alliesNear: ['{ allies(first: 100, filter: { near: { latitude: 50.46, longitude: 2.79, radiusKm: 1 } }) { totalCount edges { node { slug } } } }', 'allies.edges.0', 'allies.totalCount'],
    alliesText: ['{ allies(first: 100, filter: { text: "Canari Zzyzx" }) { totalCount edges { node { slug } } } }', 'allies.edges', 'allies.totalCount'],
    alliesByDegree: [`{ allies(first: 100, orderBy: { field: DEGREE, direction: DESC }) { totalCount edges { node { ${allyFields} } } } }`, 'allies.edges.0', 'allies.totalCount'],
    allyBySlug: [`{ ally(slug: "${CANARY.slug}") { slug name email } }`],
    node: [`{ node(id: "__CANARY__") { id ... on Ally { name email } } }`],
    nodes: [`{ nodes(ids: ["__CANARY__"]) { id } }`, 'nodes'],
    theme: [`{ theme(slug: "energie") { leads { ${allyFields} } allies(first: 100) { totalCount edges { node { ${allyFields} } } } } }`, 'theme.leads.0', 'theme.allies.edges.0', 'theme.allies.totalCount'],
    territory: [`{ territory(ref: "region:32") { allies(first: 100) { totalCount edges { node { ${allyFields} } } } } }`, 'territory.allies.edges.0', 'territory.allies.totalCount'],
    commune: [`{ territory(ref: "commune:62528") { allies(first: 100) { totalCount edges { node { slug name } } } } }`, 'territory.allies.edges.0', 'territory.allies.totalCount'],
    chantier: [`{ chantier(slug: "chantier-renouvelable") { referents { ${allyFields} } participants(first: 100) { totalCount edges { node { role ally { ${allyFields} } } } } } }`, 'chantier.referents.0', 'chantier.participants.edges.0', 'chantier.participants.totalCount'],
    chantierReferents: ['{ chantier(slug: "chantier-renouvelable") { participants(role: REFERENT) { totalCount edges { node { ally { slug name } } } } } }', 'chantier.participants.edges.0', 'chantier.participants.totalCount'],
    objective: [`{ charterObjective(code: "2") { allies(first: 100) { totalCount edges { node { ${allyFields} } } } chantiers { edges { node { referents { slug name } } } } } }`, 'charterObjective.allies.edges.0', 'charterObjective.allies.totalCount', 'charterObjective.chantiers.edges.0'],
    organization: [`{ ally(slug: "alpha-energie") { ${allyFields} members { totalCount edges { node { role person { ${allyFields} } } } } } }`, 'ally.members.edges.0', 'ally.members.totalCount', 'ally.degree'],
    event: [`{ event(slug: "assemblee-test") { participants { totalCount edges { node { role ally { ${allyFields} } } } } } }`, 'event.participants.edges.0', 'event.participants.totalCount'],
    resource: [`{ resource(slug: "guide-test") { authors { ${allyFields} } } }`, 'resource.authors.0'],
    community: [`{ learningCommunity(slug: "recits") { members { totalCount edges { node { role ally { ${allyFields} } } } } } }`, 'learningCommunity.members.edges.0', 'learningCommunity.members.totalCount'],
  };

  it.each(Object.keys(queries))('%s answers without errors, and never shows the canary, its name or its email, nor any email', async (name) => {
    const [query, ...paths] = queries[name];
    const res = await api.gql(query.replace(/__CANARY__/g, canaryGlobalId));
    const data = expectData(res, ...paths);
    const text = JSON.stringify(res);
    expect(text).not.toContain(CANARY.slug);
    expect(text).not.toContain('Canari');
    expect(text).not.toContain(CANARY.email);
    expect(text).not.toContain(canaryGlobalId);
    expect(text).not.toMatch(/"email":"[^"]+"/);
    if (name === 'node') expect(data).toEqual({ node: null });
    if (name === 'nodes') expect(data).toEqual({ nodes: [null] });
    if (name === 'allyBySlug') expect(data).toEqual({ ally: null });
  });

  it('filtering by the private slug answers exactly as for a slug that does not exist', async () => {
    const ask = (slug: string) => api.gql(`{ chantiers(filter: { participant: "${slug}" }) { totalCount } }`);
    const canary = await ask(CANARY.slug);
    const nobody = await ask('personne-inexistante');
    expect(canary.errors?.[0]).toMatchObject({ message: `filter.participant: unknown ally "${CANARY.slug}"`, extensions: { code: 'BAD_USER_INPUT' } });
    expect(nobody.errors?.[0].message).toBe('filter.participant: unknown ally "personne-inexistante"');
    const alliesByChantier = await api.gql('{ chantier(slug: "chantier-renouvelable") { participants { edges { node { ally { slug } } } } } }');
    expectData(alliesByChantier, 'chantier.participants.edges.0');
    expect(JSON.stringify(alliesByChantier)).not.toContain(CANARY.slug);
  });

  it('counts and degrees leave the canary out', async () => {
    const res = await api.gql<{ allies: { totalCount: number }; chantier: { participants: { totalCount: number } }; ally: { degree: number } }>(`{
      allies { totalCount }
      chantier(slug: "chantier-renouvelable") { participants { totalCount } }
      ally(slug: "alpha-energie") { degree }
    }`);
    expectData(res, 'allies.totalCount', 'chantier.participants.totalCount', 'ally.degree');
    expect(res.data!.allies.totalCount).toBe(24); // 25 allies in the fixture, one private
    expect(res.data!.chantier.participants.totalCount).toBe(2);
    // alpha-energie: BASED_IN, ACTS_IN, SIGNED, WORKS_ON, CONTRIBUTES_TO, TOOK_PART_IN, AUTHORED,
    // MEMBER_OF_COMMUNITY, and Delta's MEMBER_OF = 9; the canary's MEMBER_OF is not counted.
    expect(res.data!.ally.degree).toBe(9);
  });
});
