import { startTestApiOn, TestApi } from '../helpers/api';
import { readFixture } from '../fixtures/read-fixture';

/** Every type and field of the read API, through HTTP, with the values the fixture implies. */
describe('read API fields', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(readFixture());
  });
  afterAll(() => api.close());

  const ok = async <T>(query: string): Promise<T> => {
    const res = await api.gql<T>(query);
    expect({ errors: res.errors, serverErrors: res.serverErrors }).toEqual({ errors: undefined, serverErrors: [] });
    return res.data!;
  };

  it('Ally: properties, seat, territories, themes, chantiers, affiliations, members, communities, events, resources', async () => {
    const d = await ok<Record<string, Record<string, unknown>>>(`{
      alpha: ally(slug: "alpha-energie") {
        __typename slug name kind organizationType description website siren email public charterSignedOn createdAt updatedAt degree
        location { latitude longitude }
        basedIn { ref name level code }
        actsIn { ref }
        themes { role theme { slug } }
        chantiers(role: REFERENT) { totalCount edges { node { role since chantier { slug } ally { slug } } } }
        affiliations { role }
        members { totalCount edges { node { role person { slug } organization { slug } } } }
        communities { slug }
        events { role event { slug } ally { slug } }
        resources { slug }
      }
      delta: ally(slug: "delta-personne") { kind public organizationType siren affiliations { role organization { slug } person { slug } } members { totalCount } }
    }`);
    expect(d.alpha).toMatchObject({
      __typename: 'Ally', slug: 'alpha-energie', name: 'Alpha Énergie', kind: 'ORGANIZATION', organizationType: 'ASSOCIATION', description: null,
      website: 'https://alpha.example.org/', siren: '732829320', email: null, public: true, charterSignedOn: '2020-02-01',
      location: { latitude: 50.46, longitude: 2.79 },
      basedIn: { ref: 'commune:62528', name: 'Loos-en-Gohelle', level: 'COMMUNE', code: '62528' },
      actsIn: [{ ref: 'departement:62' }],
      themes: [{ role: 'LEAD', theme: { slug: 'energie' } }],
      chantiers: { totalCount: 1, edges: [{ node: { role: 'REFERENT', since: '2021-11-10', chantier: { slug: 'chantier-renouvelable' }, ally: { slug: 'alpha-energie' } } }] },
      affiliations: [],
      members: { totalCount: 1, edges: [{ node: { role: 'directrice', person: { slug: 'delta-personne' }, organization: { slug: 'alpha-energie' } } }] },
      communities: [{ slug: 'recits' }],
      events: [{ role: 'SPEAKER', event: { slug: 'assemblee-test' }, ally: { slug: 'alpha-energie' } }],
      resources: [{ slug: 'guide-test' }],
    });
    expect(d.alpha.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(d.delta).toEqual({
      kind: 'PERSON', public: true, organizationType: null, siren: null,
      affiliations: [{ role: 'directrice', organization: { slug: 'alpha-energie' }, person: { slug: 'delta-personne' } }],
      members: { totalCount: 0 },
    });
  });

  it('Territory: ref, code, level, population, pilot, parents, children(level), allies, chantiers; territories(level)', async () => {
    const d = await ok<{ territory: Record<string, unknown>; region: Record<string, unknown>; territories: { totalCount: number; edges: { node: { ref: string } }[] } }>(`{
      territory(ref: "62528") { ref code level name population pilot pilotSince center { latitude longitude } parents { ref level } }
      region: territory(ref: "region:32") {
        name level parents { ref }
        children(level: DEPARTEMENT) { totalCount edges { node { ref name } } }
        allies(filter: { kind: ORGANIZATION }, orderBy: { field: NAME, direction: DESC }, first: 2) { totalCount edges { node { slug } } }
        chantiers(filter: { status: [ACTIVE, PROPOSED] }) { totalCount edges { node { slug } } }
      }
      territories(level: REGION) { totalCount edges { node { ref } } }
    }`);
    expect(d.territory).toMatchObject({ ref: 'commune:62528', code: '62528', level: 'COMMUNE', name: 'Loos-en-Gohelle', pilot: true, pilotSince: '2020-01-15', center: { latitude: 50.457, longitude: 2.793 } });
    expect(d.territory.population).toBeGreaterThan(5000);
    expect((d.territory.parents as { ref: string }[]).map((p) => p.ref)).toEqual(expect.arrayContaining(['departement:62', expect.stringMatching(/^epci:/)]));
    expect(d.region).toMatchObject({
      name: 'Hauts-de-France', level: 'REGION', parents: [{ ref: 'country:FR' }],
      children: { totalCount: 2, edges: [{ node: { ref: 'departement:59', name: 'Nord' } }, { node: { ref: 'departement:62', name: 'Pas-de-Calais' } }] },
      chantiers: { totalCount: 2, edges: [{ node: { slug: 'chantier-cantines' } }, { node: { slug: 'chantier-renouvelable' } }] },
    });
    expect((d.region.allies as { totalCount: number }).totalCount).toBe(12);
    expect(d.territories.edges.map((e) => e.node.ref).sort()).toEqual(['region:28', 'region:32', 'region:53']);
  });

  it('Theme: parent, subthemes, leads, allies, chantiers; themes', async () => {
    const d = await ok<Record<string, unknown>>(`{
      solaire: theme(slug: "solaire") { name parent { slug } subthemes { slug } allies { edges { node { slug } } } }
      energie: theme(slug: "energie") { description parent { slug } subthemes { slug } leads { slug } chantiers { edges { node { slug } } } allies(filter: { kind: PERSON }) { totalCount } }
      themes { totalCount edges { node { slug } } }
    }`);
    expect(d).toEqual({
      solaire: { name: 'Solaire', parent: { slug: 'energie' }, subthemes: [], allies: { edges: [{ node: { slug: 'delta-personne' } }] } },
      energie: { description: null, parent: null, subthemes: [{ slug: 'solaire' }], leads: [{ slug: 'alpha-energie' }], chantiers: { edges: [{ node: { slug: 'chantier-renouvelable' } }] }, allies: { totalCount: 0 } },
      themes: { totalCount: 3, edges: [{ node: { slug: 'alimentation' } }, { node: { slug: 'energie' } }, { node: { slug: 'solaire' } }] },
    });
  });

  it('Chantier: properties, objectives, themes, territories, participants(role), referents, events; chantiers filters', async () => {
    const d = await ok<Record<string, unknown>>(`{
      chantier(slug: "chantier-renouvelable") {
        slug title summary kind status launchedOn validatedOn website createdAt
        objectives { code } themes { slug } territories { ref } events { slug }
        participants(role: MEMBER) { totalCount edges { node { role ally { slug } } } }
        referents { slug }
      }
      byTheme: chantiers(filter: { themes: ["alimentation"] }) { edges { node { slug } } }
      byTerritory: chantiers(filter: { territory: "departement:22" }) { edges { node { slug } } }
      byKind: chantiers(filter: { kind: COLLECTIVE, text: "cantines" }) { edges { node { slug } } }
      byParticipant: chantiers(filter: { participant: "gamma-bretagne" }) { edges { node { slug } } }
      recent: chantiers(orderBy: { field: CREATED_AT, direction: DESC }, first: 1) { totalCount pageInfo { hasNextPage hasPreviousPage } }
      validated: chantiers(orderBy: { field: VALIDATED_ON }, first: 1) { edges { cursor } pageInfo { startCursor endCursor } }
    }`);
    expect(d.chantier).toMatchObject({
      slug: 'chantier-renouvelable', title: 'Énergies renouvelables citoyennes', summary: null, kind: 'COLLECTIVE', status: 'ACTIVE',
      objectives: [{ code: '2' }], themes: [{ slug: 'energie' }], territories: [{ ref: 'region:32' }], events: [{ slug: 'assemblee-test' }],
      participants: { totalCount: 1, edges: [{ node: { role: 'MEMBER', ally: { slug: 'beta-nourriture' } } }] },
      referents: [{ slug: 'alpha-energie' }],
    });
    expect(d.byTheme).toEqual({ edges: [{ node: { slug: 'chantier-cantines' } }] });
    expect(d.byTerritory).toEqual({ edges: [{ node: { slug: 'chantier-bretagne' } }] });
    expect(d.byKind).toEqual({ edges: [{ node: { slug: 'chantier-cantines' } }] });
    expect(d.byParticipant).toEqual({ edges: [{ node: { slug: 'chantier-bretagne' } }] });
    expect(d.recent).toEqual({ totalCount: 3, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    const validated = d.validated as { edges: { cursor: string }[]; pageInfo: { startCursor: string; endCursor: string } };
    expect(validated.pageInfo.startCursor).toBe(validated.edges[0].cursor);
    expect(validated.pageInfo.endCursor).toBe(validated.edges[0].cursor);
  });

  it('Charter, CharterObjective, Event, Resource, LearningCommunity, viewer and the root lists', async () => {
    const d = await ok<Record<string, unknown>>(`{
      charter { slug title adoptedOn objectives { code } }
      charterObjectives { code title description charter { slug } }
      event(slug: "assemblee-test") { title kind startsOn endsOn online venue participants(role: SPEAKER) { edges { node { role ally { slug } event { slug } } } } chantiers { slug } resources { slug } }
      events { totalCount }
      resource(slug: "guide-test") { title kind url publishedOn authors { slug } themes { slug } event { slug } }
      resources { edges { node { slug } } }
      learningCommunity(slug: "recits") { name description themes { slug } members(role: LEAD) { edges { node { role ally { slug } community { slug } } } } }
      learningCommunities { totalCount }
      viewer { kind canSeePrivate canSeeEmails }
    }`);
    expect(d).toEqual({
      charter: { slug: 'charte-test', title: 'Charte de test', adoptedOn: '2019-12-01', objectives: [{ code: '1' }, { code: '2' }] },
      charterObjectives: [
        { code: '1', title: 'Communauté apprenante', description: null, charter: { slug: 'charte-test' } },
        { code: '2', title: 'Au service des territoires', description: null, charter: { slug: 'charte-test' } },
      ],
      event: {
        title: 'Assemblée de test', kind: 'ASSEMBLY', startsOn: '2021-11-10', endsOn: null, online: false, venue: 'Paris',
        participants: { edges: [{ node: { role: 'SPEAKER', ally: { slug: 'alpha-energie' }, event: { slug: 'assemblee-test' } } }] },
        chantiers: [{ slug: 'chantier-renouvelable' }], resources: [{ slug: 'guide-test' }],
      },
      events: { totalCount: 1 },
      resource: { title: 'Guide de test', kind: 'PUBLICATION', url: 'https://example.org/guide', publishedOn: null, authors: [{ slug: 'alpha-energie' }], themes: [{ slug: 'energie' }], event: { slug: 'assemblee-test' } },
      resources: { edges: [{ node: { slug: 'guide-test' } }] },
      learningCommunity: { name: 'Mise en récits', description: null, themes: [{ slug: 'energie' }], members: { edges: [{ node: { role: 'LEAD', ally: { slug: 'alpha-energie' }, community: { slug: 'recits' } } }] } },
      learningCommunities: { totalCount: 1 },
      viewer: { kind: 'anonymous', canSeePrivate: false, canSeeEmails: false },
    });
  });
});
