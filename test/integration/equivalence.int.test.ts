import { startTestApiOn, TestApi } from '../helpers/api';
import { expectData } from '../helpers/expect-data';
import { generateSyntheticBundle } from '../../src/modules/bundle/synthetic';
import { isVisibleTo } from '../../src/auth/visibility';
import { ANONYMOUS } from '../../src/auth/viewer';
import neo4j from 'neo4j-driver';
import { cypherQuery } from '../../src/db/cypher-registry';
import { byKeyWithPageQuery, relatedPageQuery, relationPageShapes, type PageShape } from '../../src/modules/node/related.shapes';
import { relatedAskRow, type RelatedAskRow, type RelatedTuple } from '../../src/modules/node/projection';

/**
 * The planner changes how a list is computed, never what it holds. Seeded filter combinations over
 * a synthetic graph (300 allies, imported once) are asked of the API as an anonymous reader, page by
 * page through the cursors, and compared with a plain TypeScript reference filter over the same
 * graph (read back with simple MATCH queries): the same allies, in the same order, with the same
 * totalCount. Not covered here: `text` (the reference would have to reimplement Lucene).
 */
interface RefAlly {
  id: string;
  slug: string;
  labels: string[];
  public: unknown;
  kind: string;
  organizationType: string | null;
  sortName: string;
  signedOn: string | null;
  createdAt: string;
  lat: number | null;
  lon: number | null;
  themes: { slug: string; role: string | null }[];
  places: string[];
  chantiers: string[];
  objectives: string[];
  degree: number;
}

class Random {
  constructor(private s: number) {}
  next(): number {
    this.s = (Math.imul(this.s, 1664525) + 1013904223) >>> 0;
    return this.s / 2 ** 32;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const distanceKm = (lat1: number, lon1: number, lat2: number, lon2: number) => {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6378.14 * Math.asin(Math.sqrt(a));
};

describe('the planned lists equal a plain reference filter', () => {
  let api: TestApi;
  let allies: RefAlly[];
  const within = new Map<string, Set<string>>(); // territory ref → itself and every ancestor
  beforeAll(async () => {
    api = await startTestApiOn(generateSyntheticBundle({ allies: 300, seed: 7 }));
    const read = async (q: string) => api.db.readTx(async (tx) => (await tx.run(q)).records.map((r) => r.toObject()));
    const parts = await read('MATCH (t:Territory) OPTIONAL MATCH (t)-[:PART_OF]->(p) RETURN t.ref AS ref, collect(p.ref) AS parents');
    const parents = new Map(parts.map((r) => [r.ref as string, r.parents as string[]]));
    const up = (ref: string): Set<string> => {
      const seen = within.get(ref);
      if (seen) return seen;
      const out = new Set([ref]);
      for (const p of parents.get(ref) ?? []) for (const x of up(p)) out.add(x);
      within.set(ref, out);
      return out;
    };
    const rows = await read(`MATCH (a:Ally)
      RETURN a.id AS id, a.slug AS slug, labels(a) AS labels, a.public AS public, a.kind AS kind, a.organizationType AS organizationType,
        a.sortName AS sortName, toString(a.charterSignedOn) AS signedOn, toString(a.createdAt) AS createdAt,
        a.location.latitude AS lat, a.location.longitude AS lon,
        [(a)-[w:WORKS_ON]->(t) | {slug: t.slug, role: w.role}] AS themes,
        [(a)-[:BASED_IN|ACTS_IN]->(t) | t.ref] AS places,
        [(a)-[:CONTRIBUTES_TO]->(c) | c.slug] AS chantiers,
        [(a)-[:CONTRIBUTES_TO]->()-[:SERVES]->(o) | o.code] AS objectives,
        [(a)--(m) | {labels: labels(m), public: m.public}] AS neighbours`);
    allies = rows.map((r) => ({
      ...(r as unknown as RefAlly),
      places: [...new Set((r.places as string[]).flatMap((p) => [...up(p)]))],
      degree: (r.neighbours as { labels: string[]; public: unknown }[]).filter((m) => isVisibleTo(ANONYMOUS, m)).length,
    }));
  }, 240_000);
  afterAll(() => api.close());

  type Filter = Record<string, unknown>;
  type Scope = { field: 'allies' } | { field: 'theme'; slug: string } | { field: 'territory'; ref: string } | { field: 'charterObjective'; code: string };
  const ORDERS = ['NAME', 'CHARTER_SIGNED_ON', 'CREATED_AT', 'DEGREE'] as const;

  function reference(f: Filter, scope: Scope, order: (typeof ORDERS)[number], desc: boolean): string[] {
    const themes = (f.themes as string[] | undefined) ?? [];
    const matches = allies.filter((a) => {
      if (!isVisibleTo(ANONYMOUS, a)) return false;
      if (f.kind && a.kind !== f.kind) return false;
      if (f.organizationTypes && !(f.organizationTypes as string[]).includes(a.organizationType ?? '')) return false;
      const works = a.themes.map((t) => t.slug);
      if (themes.length && (f.themesMatch === 'ALL' ? !themes.every((t) => works.includes(t)) : !themes.some((t) => works.includes(t)))) return false;
      if (f.territory && !a.places.includes(f.territory as string)) return false;
      if (f.chantier && !a.chantiers.includes(f.chantier as string)) return false;
      if (f.objective && !a.objectives.includes(f.objective as string)) return false;
      if (f.signedAfter && !(a.signedOn !== null && a.signedOn >= (f.signedAfter as string))) return false;
      if (f.signedBefore && !(a.signedOn !== null && a.signedOn <= (f.signedBefore as string))) return false;
      const near = f.near as { latitude: number; longitude: number; radiusKm: number } | undefined;
      if (near && !(a.lat !== null && a.lon !== null && distanceKm(near.latitude, near.longitude, a.lat, a.lon) <= near.radiusKm)) return false;
      const box = f.within as { south: number; west: number; north: number; east: number } | undefined;
      if (box && !(a.lat !== null && a.lon !== null && a.lat >= box.south && a.lat <= box.north && a.lon >= box.west && a.lon <= box.east)) return false;
      if (scope.field === 'theme' && !works.includes(scope.slug)) return false;
      if (scope.field === 'territory' && !a.places.includes(scope.ref)) return false;
      if (scope.field === 'charterObjective' && !a.objectives.includes(scope.code)) return false;
      return true;
    });
    const key = (a: RefAlly) => {
      if (order === 'NAME') return a.sortName;
      if (order === 'CHARTER_SIGNED_ON') return a.signedOn ?? (desc ? '' : '~');
      if (order === 'CREATED_AT') return a.createdAt;
      return String(a.degree).padStart(10, '0');
    };
    const cmp = (x: RefAlly, y: RefAlly) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    return matches.sort((x, y) => (desc ? -cmp(x, y) : cmp(x, y))).map((a) => a.slug);
  }

  function combination(rng: Random): { filter: Filter; scope: Scope; order: (typeof ORDERS)[number]; desc: boolean; first: number } {
    const some = allies.filter((a) => a.lat !== null);
    const anchor = rng.pick(allies);
    const themeSlugs = [...new Set(allies.flatMap((a) => a.themes.map((t) => t.slug)))].sort();
    const places = [...new Set(allies.flatMap((a) => a.places))].sort();
    const chantiers = [...new Set(allies.flatMap((a) => a.chantiers))].sort();
    const filter: Filter = {};
    if (rng.chance(0.2)) filter.kind = rng.pick(['ORGANIZATION', 'PERSON']);
    if (rng.chance(0.1)) filter.organizationTypes = [rng.pick(['ASSOCIATION', 'COOPERATIVE', 'COMPANY', 'LOCAL_AUTHORITY'])];
    if (rng.chance(0.35)) {
      filter.themes = rng.chance(0.7) && anchor.themes.length ? anchor.themes.map((t) => t.slug).slice(0, 2) : [rng.pick(themeSlugs), rng.pick(themeSlugs)];
      if (rng.chance(0.4)) filter.themesMatch = 'ALL';
    }
    if (rng.chance(0.35)) filter.territory = rng.chance(0.8) && anchor.places.length ? rng.pick(anchor.places) : rng.pick(places);
    if (rng.chance(0.1) && chantiers.length) filter.chantier = anchor.chantiers.length ? rng.pick(anchor.chantiers) : rng.pick(chantiers);
    if (rng.chance(0.1)) filter.objective = rng.pick(['1', '2', '3', '4']);
    if (rng.chance(0.15)) filter.signedAfter = `20${rng.pick(['19', '20', '21', '22'])}-0${1 + rng.int(9)}-15`;
    if (rng.chance(0.1)) filter.signedBefore = `20${rng.pick(['21', '22', '23'])}-0${1 + rng.int(9)}-15`;
    const centre = anchor.lat !== null ? anchor : rng.pick(some);
    if (rng.chance(0.15)) filter.near = { latitude: centre.lat, longitude: centre.lon, radiusKm: rng.pick([30, 100, 300]) };
    if (rng.chance(0.1)) filter.within = { south: centre.lat! - 1, west: centre.lon! - 1.5, north: centre.lat! + 1, east: centre.lon! + 1.5 };
    const scopes: Scope[] = [
      { field: 'allies' },
      { field: 'theme', slug: rng.pick(themeSlugs) },
      { field: 'territory', ref: rng.pick(places) },
      { field: 'charterObjective', code: rng.pick(['1', '2', '3', '4']) },
    ];
    const scope = rng.chance(0.6) ? scopes[0] : rng.pick(scopes);
    return { filter, scope, order: rng.pick(ORDERS), desc: rng.chance(0.4), first: 5 + rng.int(30) };
  }

  const cases = Array.from({ length: 40 }, (_, i) => [i + 1] as const);
  it.each(cases)('combination %i: same allies, same order, same totalCount, across pages', async (seed) => {
    const { filter, scope, order, desc, first } = combination(new Random(seed * 7919));
    const expected = reference(filter, scope, order, desc);
    const open = { allies: ['', ''], theme: ['theme(slug: $key) {', '}'], territory: ['territory(ref: $key) {', '}'], charterObjective: ['charterObjective(code: $key) {', '}'] }[scope.field];
    const keyVar = scope.field === 'allies' ? '' : ', $key: String!';
    const key = scope.field === 'theme' ? scope.slug : scope.field === 'territory' ? scope.ref : scope.field === 'charterObjective' ? scope.code : undefined;
    const query = `query($filter: AllyFilter, $after: String, $first: Int${keyVar}) { ${open[0]}
      allies(filter: $filter, first: $first, after: $after, orderBy: { field: ${order}, direction: ${desc ? 'DESC' : 'ASC'} }) {
        totalCount edges { node { slug } } pageInfo { hasNextPage endCursor }
      } ${open[1]} }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res = await api.gql<Record<string, unknown>>(query, { filter, after, first, key });
      const data = expectData(res, scope.field === 'allies' ? 'allies' : `${scope.field}.allies`);
      const conn = (scope.field === 'allies' ? data.allies : (data[scope.field] as { allies: unknown }).allies) as {
        totalCount: number; edges: { node: { slug: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      expect({ filter, scope, order, desc, totalCount: conn.totalCount }).toEqual({ filter, scope, order, desc, totalCount: expected.length });
      seen.push(...conn.edges.map((e) => e.node.slug));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect({ filter, scope, order, desc, slugs: seen }).toEqual({ filter, scope, order, desc, slugs: expected });
  });

  it('the combinations are not vacuous: most of them match something, some match nothing', () => {
    const sizes = cases.map(([seed]) => {
      const { filter, scope, order, desc } = combination(new Random(seed * 7919));
      return reference(filter, scope, order, desc).length;
    });
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(cases.length / 2);
    expect(Math.max(...sizes)).toBeGreaterThan(40);
  });
  // The relation pages by shape (src/modules/node/related.shapes.ts: type, labels and order fixed in
  // the text) against a plain reference: every related node of the parent read by one MATCH, sorted
  // and cut in TypeScript (sort key, then id; keyset after the last row; the page size). The same
  // rows, keys, cursors and relationship properties, in the same order, page after page.
  describe('relation pages by shape equal a plain reference', () => {
    const NOBODY = { canSeePrivate: false, canSeeEmails: false };
    type Row = RelatedAskRow;
    const SORT_KEY = "coalesce(m.sortName, m.sortTitle, toLower(coalesce(m.name, m.title, m.ref, m.code)), '')";
    const arrow = (s: PageShape) => (s.dir === 'out' ? `(p:${s.parent} {id: $id})-[r:${s.type}]->(m:${s.target})` : `(p:${s.parent} {id: $id})<-[r:${s.type}]-(m:${s.target})`);
    const everything = async (s: PageShape, id: string) =>
      (await api.db.readTx(async (tx) => (await tx.run(
        `MATCH ${arrow(s)} WHERE m:Organization OR NOT m:Person OR m.public = true
         RETURN m.id AS id, ${SORT_KEY} AS sortKey, [r.role, CASE WHEN r.since IS NULL THEN null ELSE toString(r.since) END] AS rel`, { id })).records))
        .map((r) => ({ id: r.get('id') as string, sortKey: r.get('sortKey') as string, rel: r.get('rel') as unknown[] }))
        .sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0) * (s.desc ? -1 : 1));
    /** Up to three parents with the most related nodes of the shape (the busiest pages). */
    const parentsOf = async (s: PageShape): Promise<string[]> => {
      const rows = await api.db.readTx(async (tx) => (await tx.run(`MATCH ${arrow(s).replace(' {id: $id}', '')} WITH p, count(m) AS n ORDER BY n DESC, p.id LIMIT 3 RETURN p.id AS id`)).records);
      return rows.map((r) => r.get('id') as string);
    };
    const compared: string[] = [];

    it.each(relationPageShapes().map((s) => [`${s.dir} ${s.type} ${s.parent}→${s.target} ${s.desc ? 'DESC' : 'ASC'}`, s] as const))('%s', async (_name, s) => {
      for (const parentId of await parentsOf(s)) {
        const all = await everything(s, parentId);
        let after: Row | null = null;
        for (let page = 0; page < 4; page++) {
          const ask = { key: '0', id: parentId, role: null, level: null, props: page % 2 ? null : ['name'], rel: ['role', 'since'], afterKey: after?.sortKey ?? null, afterId: after?.id ?? null };
          const mine: Row[] = ((await api.db.read<{ key: string; rows: RelatedTuple[] }>(relatedPageQuery(s), { asks: [ask], limit: neo4j.int(3), ...NOBODY }))[0]?.rows ?? []).map(relatedAskRow);
          const from = after === null ? 0 : all.findIndex((r) => r.id === after!.id) + 1;
          expect(mine.map((r) => ({ id: r.id, sortKey: r.sortKey, rel: r.rel, node: r.node.id }))).toEqual(all.slice(from, from + 3).map((r) => ({ ...r, node: r.id })));
          if (mine.length) compared.push(s.type);
          if (mine.length < 3) break;
          after = mine[mine.length - 1];
        }
      }
    });

    it('an ally found by slug with its first chantiers: the short lists of by-keys, the page of the page query', async () => {
      const allies = await api.db.readTx(async (tx) =>
        (await tx.run('MATCH (a:Ally)-[:CONTRIBUTES_TO]->(c) WHERE a:Organization OR a.public = true WITH a, count(c) AS n ORDER BY n DESC, a.id LIMIT 3 RETURN a.slug AS slug, a.id AS id')).records.map((r) => ({ slug: r.get('slug') as string, id: r.get('id') as string })));
      expect(allies.length).toBe(3);
      for (const desc of [false, true]) {
        const shape = relationPageShapes().find((x) => x.dir === 'out' && x.type === 'CONTRIBUTES_TO' && x.desc === desc)!;
        for (const { slug, id } of allies) {
          const page = { key: '1', role: null, level: null, props: ['title'], rel: ['role', 'since'], afterKey: null, afterId: null };
          const short = { key: '0', types: ['WORKS_ON'], role: null, targetLabel: null, level: null, props: ['name'], rel: ['role'] };
          const common = { keys: [slug], label: 'Ally', props: ['name'], asks: [short], ...NOBODY };
          const [mine] = await api.db.read<{ related: { key: string; rows: RelatedTuple[] }[] }>(byKeyWithPageQuery(shape), { ...common, page, limit: neo4j.int(4) });
          const [plain] = await api.db.read<{ related: { key: string; rows: RelatedTuple[] }[] }>(cypherQuery('node/by-keys'), common);
          const [paged] = await api.db.read<{ key: string; rows: RelatedTuple[] }>(relatedPageQuery(shape), { asks: [{ ...page, id }], limit: neo4j.int(4), ...NOBODY });
          expect(mine.related).toEqual([...plain.related, { key: '1', rows: paged.rows }]);
          expect(paged.rows.length).toBe(4);
        }
      }
    });

    it('the comparison is not vacuous: pages of most relation types were read', () => {
      expect(new Set(compared).size).toBeGreaterThanOrEqual(8);
    });
  });
});
