import { startTestApi, startTestApiOn, TestApi } from '../helpers/api';
import { expectData } from '../helpers/expect-data';
import { readMigrations } from '../../src/db/migrations';
import { refreshDerived } from '../../src/modules/bundle/import-bundle';
import type { Bundle } from '../../src/modules/bundle/bundle.types';
import { importValid } from '../helpers/bundles';

/**
 * "Within" follows the administrative tree (commune → département → région → country), while an
 * EPCI still contains its member communes. The Métropole du Grand Paris (epci:200054781) spans
 * départements 75, 92, 93 and 94: an ally of Boulogne-Billancourt (92) is within 92, the EPCI and
 * Île-de-France, never within Paris (75) — which it was when EPCIs were PART_OF each département.
 */
const MGP = 'epci:200054781';
const fixture = (): Bundle => ({
  format: 'archipel-bundle',
  version: 1,
  allies: [
    { slug: 'paris-asso', name: 'Asso de Paris', kind: 'ORGANIZATION', basedIn: 'commune:75056' },
    { slug: 'boulogne-asso', name: 'Asso de Boulogne', kind: 'ORGANIZATION', basedIn: 'commune:92012' },
    { slug: 'metropole-asso', name: 'Asso de la Métropole', kind: 'ORGANIZATION', actsIn: [MGP] },
  ],
  chantiers: [{ slug: 'chantier-boulogne', title: 'Chantier à Boulogne', territories: ['commune:92012'] }],
});

type Slugs = { edges: { node: { slug: string } }[]; totalCount: number };

describe('within a territory', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(fixture());
  });
  afterAll(() => api.close());

  const within = async (ref: string) => {
    const res = await api.gql<{ territory: { allies: Slugs; chantiers: Slugs }; allies: Slugs }>(
      `query($ref: String!) {
        territory(ref: $ref) { allies { totalCount edges { node { slug } } } chantiers { totalCount edges { node { slug } } } }
        allies(filter: { territory: $ref }) { totalCount edges { node { slug } } }
      }`,
      { ref },
    );
    const data = expectData(res, 'territory.allies.edges', 'allies.edges');
    const slugs = data.territory.allies.edges.map((e) => e.node.slug);
    expect(data.allies.edges.map((e) => e.node.slug)).toEqual(slugs);
    expect(data.territory.allies.totalCount).toBe(slugs.length);
    expect(data.allies.totalCount).toBe(slugs.length);
    return { allies: slugs, chantiers: data.territory.chantiers.edges.map((e) => e.node.slug) };
  };

  it('the EPCI hangs under its région, not under each of its départements', async () => {
    const res = await api.gql<{ territory: { parents: { ref: string }[] } }>(`{ territory(ref: "${MGP}") { parents { ref } } }`);
    expect(expectData(res, 'territory.parents').territory.parents).toEqual([{ ref: 'region:11' }]);
  });

  it('a département holds only its own communes', async () => {
    expect(await within('departement:75')).toEqual({ allies: ['paris-asso'], chantiers: [] });
    expect(await within('departement:92')).toEqual({ allies: ['boulogne-asso'], chantiers: ['chantier-boulogne'] });
  });

  it('the EPCI holds its member communes across départements, and the région holds it all', async () => {
    expect(await within(MGP)).toEqual({ allies: ['boulogne-asso', 'metropole-asso', 'paris-asso'], chantiers: ['chantier-boulogne'] });
    expect(await within('region:11')).toEqual({ allies: ['boulogne-asso', 'metropole-asso', 'paris-asso'], chantiers: ['chantier-boulogne'] });
  });

  it('a server keeps the planners\' cardinalities for a while: the same filter again makes one round trip fewer; what is not found is read again', async () => {
    const cached = await startTestApi({ env: { ARCHIPEL_PLANNER_STATS_TTL_S: '30' } });
    try {
      const q = 'query($ref: String!) { allies(filter: { territory: $ref }) { totalCount edges { node { slug } } } }';
      const ask = async (ref: string) => {
        const res = await cached.gql<{ allies: Slugs }>(q, { ref });
        return { trips: res.roundTrips, allies: expectData(res, 'allies.edges').allies };
      };
      const first = await ask('departement:92');
      expect(first).toEqual({ trips: 3, allies: { totalCount: 1, edges: [{ node: { slug: 'boulogne-asso' } }] } });
      // The references are kept: the page and its count only.
      expect(await ask('departement:92')).toEqual({ ...first, trips: 2 });
      // A territory not in the graph is empty without a page query, and asked of the graph each time.
      for (let i = 0; i < 2; i++) expect(await ask('departement:2A')).toEqual({ trips: 1, allies: { totalCount: 0, edges: [] } });
    } finally {
      await cached.close();
    }
  });

  it('a valid territory that is not in the graph holds nothing (no error)', async () => {
    const res = await api.gql<{ allies: Slugs }>('{ allies(filter: { territory: "departement:2A" }) { totalCount edges { node { slug } } } }');
    expect(expectData(res, 'allies.edges').allies).toEqual({ totalCount: 0, edges: [] });
  });

  const territoryRefs = async (slug: string): Promise<string[]> =>
    api.db.readTx(async (tx) => (await tx.run('MATCH (a:Ally {slug: $slug}) RETURN a.territoryRefs AS refs', { slug })).records[0].get('refs'));

  it('each ally stores the refs of its places and of everything above them, sorted (what a "within" residual reads)', async () => {
    expect(await territoryRefs('boulogne-asso')).toEqual(['commune:92012', 'country:FR', 'departement:92', MGP, 'region:11'].sort());
    expect(await territoryRefs('metropole-asso')).toEqual(['country:FR', MGP, 'region:11'].sort());
  });

  it('an ally that moves is within its new territory only, once re-imported', async () => {
    const moved = fixture();
    moved.allies![1] = { ...moved.allies![1], basedIn: 'commune:75056' };
    await importValid(api.db, moved);
    try {
      expect(await territoryRefs('boulogne-asso')).toEqual(['commune:75056', 'country:FR', 'departement:75', MGP, 'region:11'].sort());
      expect((await within('departement:75')).allies).toEqual(['boulogne-asso', 'paris-asso']);
      expect((await within('departement:92')).allies).toEqual([]);
    } finally {
      await importValid(api.db, fixture());
    }
    expect(await territoryRefs('boulogne-asso')).toEqual(['commune:92012', 'country:FR', 'departement:92', MGP, 'region:11'].sort());
  });

  it('migration V0003 rewrites a store where the EPCI was PART_OF each département (V0012 then stores the refs again)', async () => {
    const [migration] = readMigrations().filter((m) => m.version === 3);
    const [backfill] = readMigrations().filter((m) => m.version === 12);
    const parents = () =>
      api.db.readTx(async (tx) =>
        (await tx.run('MATCH (:Territory {ref: $ref})-[:PART_OF]->(p) RETURN p.ref AS ref ORDER BY ref', { ref: MGP })).records.map((r) => r.get('ref')),
      );
    await api.db.writeTx(async (tx) => {
      await tx.run("MATCH (e:Territory {ref: $ref})-[r:PART_OF]->() DELETE r WITH DISTINCT e MATCH (d:Territory) WHERE d.ref IN ['departement:75', 'departement:92'] MERGE (e)-[:PART_OF]->(d)", { ref: MGP });
    });
    // What an import made on that tree: the derived refs follow it.
    await refreshDerived(api.db);
    expect(await parents()).toEqual(['departement:75', 'departement:92']);
    expect((await within('departement:75')).allies).toEqual(['boulogne-asso', 'metropole-asso', 'paris-asso']);
    expect(await territoryRefs('metropole-asso')).toEqual(['country:FR', 'departement:75', 'departement:92', MGP, 'region:11'].sort());
    await api.db.writeTx(async (tx) => {
      for (const statement of [...migration.statements, ...backfill.statements]) await tx.run(statement);
    });
    expect(await parents()).toEqual(['region:11']);
    expect((await within('departement:75')).allies).toEqual(['paris-asso']);
    expect(await territoryRefs('metropole-asso')).toEqual(['country:FR', MGP, 'region:11'].sort());
  });
});
