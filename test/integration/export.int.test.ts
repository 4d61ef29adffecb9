import { check } from '@placemarkio/check-geojson';
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseCsv } from 'csv-parse/sync';
import { startTestApiOn, TestApi } from '../helpers/api';
import { CANARY, readFixture } from '../fixtures/read-fixture';
import { networkFixture } from '../fixtures/network-fixture';
import { demoBundle } from '../helpers/bundles';
import { expectData } from '../helpers/expect-data';
import type { Bundle } from '../../src/modules/bundle/bundle.types';
import { exportShapes, wholeLayerShapes } from '../../src/http/export/geo-export';
import { visible } from '../../src/db/cypher-registry';
import { storeVersionQuery } from '../../src/http/export/store-version';
import { LABELS } from '../../src/graph/model';

/**
 * The exports (issue #12, DESIGN §5) over real HTTP against the real server and Neo4j, each read
 * back by the consumer it is for: an RFC 7946 validator, graphology-gexf, graphology, csv-parse.
 */

interface FC {
  type: 'FeatureCollection';
  features: { type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: number[] }; properties: Record<string, unknown> }[];
  metadata: { features: number; omitted: number };
}

/**
 * The read fixture, plus an ally and a chantier with no place at all (no location, no seat, no
 * territory), and a listed centre with more than 6 decimals. The other territories get their
 * official centres at import.
 */
function mapFixture(): Bundle {
  const b = readFixture();
  b.territories = [...(b.territories ?? []), { ref: 'region:32', center: { latitude: 50.1234567891, longitude: 2.7654321 } }];
  b.allies = [...b.allies!, { slug: 'omega-sans-lieu', name: 'Oméga Sans Lieu', kind: 'ORGANIZATION', themes: [{ theme: 'alimentation' }] }];
  b.chantiers = [...b.chantiers!, { slug: 'chantier-nulle-part', title: 'Chantier de nulle part', status: 'PROPOSED', themes: ['alimentation'] }];
  return b;
}

async function geojson(api: TestApi, path: string): Promise<{ res: Response; body: FC; text: string }> {
  const res = await api.get(path);
  const text = await res.text();
  expect({ path, status: res.status, body: res.status === 200 ? 'ok' : text }).toEqual({ path, status: 200, body: 'ok' });
  check(text); // throws a HintError listing the RFC 7946 issues, if any
  return { res, body: JSON.parse(text) as FC, text };
}

describe('exports on a fixture with known counts', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(mapFixture());
  }, 600_000);
  afterAll(() => api?.close());

  it('allies.geojson: a valid FeatureCollection, allies at their location or their seat, the others counted', async () => {
    const { res, body } = await geojson(api, '/export/allies.geojson');
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="archipel-allies-\d{4}-\d{2}-\d{2}\.geojson"$/);
    // 25 visible allies: alpha, beta, gamma located; delta and the zêtas at their seat's centre (listed for
    // commune:62528, official for commune:76402); omega has no place: left out and counted.
    const slugs = body.features.map((f) => f.properties.slug);
    expect(slugs).toHaveLength(24);
    expect(res.headers.get('x-archipel-omitted')).toBe('1');
    expect(body.metadata).toMatchObject({ features: 24, omitted: 1 });
    expect(slugs).toEqual(expect.arrayContaining(['alpha-energie', 'beta-nourriture', 'gamma-bretagne', 'delta-personne', 'zeta-00', 'zeta-01']));
    expect(slugs).not.toContain('omega-sans-lieu');
    // Name order (French folding): Alpha, Béta, Delta, Gamma, then the zêtas.
    expect(slugs.slice(0, 4)).toEqual(['alpha-energie', 'beta-nourriture', 'delta-personne', 'gamma-bretagne']);
    const alpha = body.features.find((f) => f.properties.slug === 'alpha-energie')!;
    expect(alpha.geometry).toEqual({ type: 'Point', coordinates: [2.79, 50.46] });
    expect(alpha.id).toBe(alpha.properties.id);
    expect(alpha.properties).toMatchObject({ name: 'Alpha Énergie', kind: 'ORGANIZATION', themes: ['energie'], basedIn: 'commune:62528', actsIn: ['departement:62'], position: 'location' });
    expect(String(alpha.properties.api)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql\?query=/);
    const delta = body.features.find((f) => f.properties.slug === 'delta-personne')!;
    expect(delta.geometry.coordinates).toEqual([2.793, 50.457]);
    expect(delta.properties.position).toBe('seat');
    // Stable ids: the same on a second export.
    const again = await geojson(api, '/export/allies.geojson');
    expect(again.body.features.map((f) => f.id)).toEqual(body.features.map((f) => f.id));
    expect(new Set(body.features.map((f) => f.id)).size).toBe(24);
    const zeta = body.features.find((f) => f.properties.slug === 'zeta-01')!;
    expect(zeta.properties.position).toBe('seat');
    for (const f of body.features) for (const c of f.geometry.coordinates) expect(Math.round(c * 1e6) / 1e6).toBe(c);
  });

  it('allies.geojson takes the API filters under their names, and bbox', async () => {
    const energie = await geojson(api, '/export/allies.geojson?theme=energie');
    expect(energie.body.features.map((f) => f.properties.slug).sort()).toEqual(['alpha-energie', 'beta-nourriture', 'gamma-bretagne']);
    const both = await geojson(api, '/export/allies.geojson?theme=energie&theme=alimentation&themesMatch=ALL');
    expect(both.body.features.map((f) => f.properties.slug)).toEqual(['beta-nourriture']);
    const persons = await geojson(api, '/export/allies.geojson?kind=PERSON');
    expect(persons.body.features.map((f) => f.properties.slug)).toEqual(['delta-personne']);
    const objective = await geojson(api, '/export/allies.geojson?objective=2&territory=region:32');
    expect(objective.body.features.map((f) => f.properties.slug).sort()).toEqual(['alpha-energie', 'beta-nourriture']);
    // Brittany's box: gamma (own location) only.
    const box = await geojson(api, '/export/allies.geojson?bbox=-5.5,47,-1,49');
    expect(box.body.features.map((f) => f.properties.slug)).toEqual(['gamma-bretagne']);
    // A box around Loos-en-Gohelle's centre keeps the allies placed at their seat there.
    const loos = await geojson(api, '/export/allies.geojson?bbox=2.78,50.45,2.8,50.47');
    expect(loos.body.features).toHaveLength(12);
    expect(loos.res.headers.get('x-archipel-omitted')).toBe('1');
    const food = await geojson(api, '/export/allies.geojson?theme=alimentation');
    expect(food.body.features.map((f) => f.properties.slug)).toEqual(['beta-nourriture']);
    expect(food.res.headers.get('x-archipel-omitted')).toBe('1');
  });

  it('who is left out follows the import (a seat with a centre given, then taken back), and is counted from an index', async () => {
    const omitted = async () => {
      const { res, body } = await geojson(api, '/export/allies.geojson');
      return { header: res.headers.get('x-archipel-omitted'), metadata: body.metadata.omitted, omega: body.features.some((f) => f.properties.slug === 'omega-sans-lieu') };
    };
    expect(await omitted()).toEqual({ header: '1', metadata: 1, omega: false });
    const { importValid } = await import('../helpers/bundles');
    const b = mapFixture();
    b.allies = b.allies!.map((a) => (a.slug === 'omega-sans-lieu' ? { ...a, basedIn: 'commune:62528' } : a));
    await importValid(api.db, b);
    expect(await omitted()).toEqual({ header: '0', metadata: 0, omega: true });
    await importValid(api.db, mapFixture());
    expect(await omitted()).toEqual({ header: '1', metadata: 1, omega: false });
    // The whole layer's count seeks the unpositioned index: no label scan of the allies.
    const count = wholeLayerShapes().find((q) => q.name.startsWith('export/ally-unpositioned-from-all'))!;
    const plan = await api.db.readTx((tx) => tx.run(`EXPLAIN ${count.text}`, count.sample));
    const ops: string[] = [];
    const walk = (n: { operatorType: string; arguments: Record<string, unknown>; children: unknown[] }) => {
      ops.push(`${n.operatorType.replace(/@.*$/, '')} ${String(n.arguments.Details ?? '')}`);
      n.children.forEach((c) => walk(c as typeof n));
    };
    walk(plan.summary.plan as unknown as Parameters<typeof walk>[0]);
    expect(ops.filter((o) => /^NodeIndexSeek.*unpositioned/.test(o))).toHaveLength(1);
    expect(ops.filter((o) => /^(NodeByLabelScan|AllNodesScan)/.test(o))).toEqual([]);
  });

  it('chantiers.geojson: each chantier at its most local territory’s centre, ≤ 6 decimals; the others counted', async () => {
    const { res, body } = await geojson(api, '/export/chantiers.geojson');
    expect(res.headers.get('x-archipel-omitted')).toBe('1'); // chantier-nulle-part
    expect(body.features.map((f) => f.properties.slug)).toEqual(['chantier-cantines', 'chantier-renouvelable', 'chantier-bretagne']);
    const renouvelable = body.features[1];
    expect(renouvelable.geometry.coordinates).toEqual([2.765432, 50.123457]);
    expect(renouvelable.properties).toMatchObject({ name: 'Énergies renouvelables citoyennes', kind: 'COLLECTIVE', status: 'ACTIVE', themes: ['energie'], objectives: ['2'], territories: ['region:32'] });
    const active = await geojson(api, '/export/chantiers.geojson?status=ACTIVE&theme=energie');
    expect(active.body.features.map((f) => f.properties.slug)).toEqual(['chantier-renouvelable']);
  });

  it('every export query shape compiles (EXPLAIN), and applies the privacy predicate to its allies', async () => {
    const shapes = [...exportShapes(false), ...exportShapes(true)];
    expect(shapes.length).toBeGreaterThan(30);
    for (const q of shapes) {
      await api.db.readTx((tx) => tx.run(`EXPLAIN ${q.text}`, { ...q.sample, textIds: [] }));
      if (q.name.startsWith('export/ally-')) expect(q.text).toContain(visible('a'));
      for (const [, variable] of q.text.matchAll(/\((\w+):(?:Ally|Person|Organization)\b/g)) expect(q.text).toContain(visible(variable));
    }
  }, 600_000);

  it('the store version reads one updatedAt index entry per label (no scan, no sort) and finds the latest write', async () => {
    const plan = await api.db.readTx((tx) => tx.run(`EXPLAIN ${storeVersionQuery.text}`));
    interface PlanNode { operatorType: string; arguments: Record<string, unknown>; children: PlanNode[] }
    const ops = (n: PlanNode): { op: string; details: string }[] => [
      { op: n.operatorType.replace(/@.*$/, ''), details: String(n.arguments.Details ?? '') },
      ...n.children.flatMap(ops),
    ];
    const all = ops(plan.summary.plan as unknown as PlanNode);
    const seeks = all.filter((o) => /^NodeIndex(Scan|Seek)/.test(o.op) && o.details.includes('updatedAt'));
    expect(seeks.map((o) => /\bn:(\w+)\(updatedAt\)/.exec(o.details)?.[1]).sort()).toEqual(LABELS.map((l) => l.label).sort());
    expect(all.filter((o) => /NodeByLabelScan|AllNodesScan|Sort/.test(o.op))).toEqual([]);
    const version = await api.db.readTx((tx) => tx.run(storeVersionQuery.text));
    const brute = await api.db.readTx((tx) => tx.run('MATCH (n) RETURN toString(max(n.updatedAt)) AS at'));
    expect(version.records).toHaveLength(1);
    expect(brute.records[0].get('at')).not.toBeNull();
    expect(version.records[0].get('lastModified')).toBe(brute.records[0].get('at'));
  });

  it('bad parameters: 400 with a JSON body naming the parameter, before anything is read', async () => {
    const cases: [string, string][] = [
      ['/export/allies.geojson?bbox=1,2,3', 'bbox'],
      ['/export/allies.geojson?bbox=0,50,1,49', 'bbox'],
      ['/export/allies.geojson?kind=ROBOT', 'kind'],
      ['/export/allies.geojson?territory=32', 'territory'],
      ['/export/allies.geojson?theme=inconnu', 'theme'],
      ['/export/allies.geojson?objective=99', 'objective'],
      ['/export/allies.geojson?signedAfter=2020-13-01', 'signedAfter'],
      ['/export/allies.geojson?themes=energie', 'themes'],
      ['/export/allies.geojson?kind=PERSON&kind=ORGANIZATION', 'kind'],
      ['/export/chantiers.geojson?status=DONE', 'status'],
      ['/export/network.gexf?maxNodes=0', 'maxNodes'],
      ['/export/network.json?projection=TREE', 'projection'],
      ['/export/territory-stats.csv', 'level'],
      ['/export/territory-stats.csv?level=REGION&within=departement:62', 'within'],
    ];
    for (const [path, parameter] of cases) {
      const res = await api.get(path);
      const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect({ path, status: res.status, code: body.errors?.[0]?.extensions.code, parameter: body.errors?.[0]?.extensions.parameter }).toEqual({
        path,
        status: 400,
        code: 'BAD_USER_INPUT',
        parameter,
      });
      expect(body.errors[0].message.startsWith(`${parameter}: `)).toBe(true);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('304 on If-None-Match and If-Modified-Since; a new ETag after a write', async () => {
    const first = await api.get('/export/allies.geojson?theme=energie');
    expect(first.status).toBe(200);
    await first.text();
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();
    const byTag = await fetch(`${api.url}/export/allies.geojson?theme=energie`, { headers: { 'if-none-match': etag } });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    const byDate = await fetch(`${api.url}/export/allies.geojson?theme=energie`, { headers: { 'if-modified-since': lastModified } });
    expect(byDate.status).toBe(304);
    // Another representation (other parameters) has another tag.
    const other = await fetch(`${api.url}/export/allies.geojson?theme=alimentation`, { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    await other.text();
    // A write through the import path changes the version.
    const b = mapFixture();
    b.allies = b.allies!.map((a) => (a.slug === 'alpha-energie' ? { ...a, name: 'Alpha Énergie renommée' } : a));
    const { importValid } = await import('../helpers/bundles');
    await importValid(api.db, b);
    const after = await fetch(`${api.url}/export/allies.geojson?theme=energie`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(await after.text()).toContain('Alpha Énergie renommée');
    await importValid(api.db, mapFixture());
  });

  it('territory-stats.csv: BOM, INSEE code first, and the same counts as territoryStats', async () => {
    const res = await api.get('/export/territory-stats.csv?level=COMMUNE&within=region:32&theme=energie');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/filename="archipel-territory-stats-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['code', 'ref', 'level', 'name', 'allies', 'organizations', 'persons', 'chantiers']);
    const gql = await api.gql<{ territoryStats: { territory: { code: string; ref: string; level: string; name: string }; allies: number; organizations: number; persons: number; chantiers: number }[] }>(
      '{ territoryStats(level: COMMUNE, within: "region:32", filter: { themes: ["energie"] }) { territory { code ref level name } allies organizations persons chantiers } }',
    );
    const stats = expectData(gql, 'territoryStats.0').territoryStats;
    expect(rows).toEqual(
      stats.map((s) => ({ code: s.territory.code, ref: s.territory.ref, level: s.territory.level, name: s.territory.name ?? '', allies: String(s.allies), organizations: String(s.organizations), persons: String(s.persons), chantiers: String(s.chantiers) })),
    );
    expect(rows.some((r) => Number(r.allies) > 0)).toBe(true);
  });
});

describe('network exports on the network fixture', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(networkFixture());
  }, 600_000);
  afterAll(() => api?.close());

  const networkCounts = async (filter: string, projection: string) => {
    const res = await api.gql<{ network: { nodes: { id: string }[]; edges: { id: string }[] } }>(`{ network(filter: ${filter}, projection: ${projection}, maxNodes: 500) { nodes { id } edges { id } } }`);
    const n = expectData(res, 'network.nodes.0').network;
    return { nodes: n.nodes.length, edges: n.edges.length, ids: n.nodes.map((x) => x.id).sort() };
  };

  it('network.gexf parses back with graphology-gexf into the network query’s node and edge counts', async () => {
    for (const [params, filter, projection] of [
      ['', '{}', 'BIPARTITE'],
      ['?projection=COLLABORATION&colorBy=community', '{}', 'COLLABORATION'],
      ['?theme=energie', '{ themes: ["energie"] }', 'BIPARTITE'],
    ]) {
      const res = await api.get(`/export/network.gexf${params}`);
      const text = await res.text();
      expect({ params, status: res.status }).toEqual({ params, status: 200 });
      expect(res.headers.get('content-type')).toBe('application/gexf+xml');
      expect(text).toContain('<gexf version="1.3"');
      const graph = parseGexf(Graph, text);
      const expected = await networkCounts(filter, projection);
      expect(expected.nodes).toBeGreaterThan(1);
      expect({ params, nodes: graph.order, edges: graph.size }).toEqual({ params, nodes: expected.nodes, edges: expected.edges });
      expect(graph.nodes().sort()).toEqual(expected.ids);
      const a = graph.getNodeAttributes(graph.nodes()[0]);
      expect(a).toMatchObject({ label: expect.any(String), nodeType: expect.any(String), size: expect.any(Number), color: expect.stringMatching(/^#|rgb/) });
      expect(text).toMatch(/<viz:size value="[\d.]+"/);
      expect(text).toMatch(/<viz:color/);
      expect(text).toMatch(/weight="\d+"/);
    }
  });

  it('network.json imports into graphology, laid out (x, y), the same on every export', async () => {
    const res = await api.get('/export/network.json?projection=COLLABORATION');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const data = (await res.json()) as SerializedGraph;
    const graph = Graph.from(data);
    const expected = await networkCounts('{}', 'COLLABORATION');
    expect({ nodes: graph.order, edges: graph.size }).toEqual({ nodes: expected.nodes, edges: expected.edges });
    graph.forEachNode((_k, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a).toMatchObject({ label: expect.any(String), size: expect.any(Number), color: expect.any(String), nodeType: 'Ally' });
    });
    graph.forEachEdge((_k, a) => expect(a.weight).toBeGreaterThanOrEqual(1));
    const again = await (await api.get('/export/network.json?projection=COLLABORATION')).json();
    expect(again).toEqual(data);
  });
});

describe('exports on the demo data', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(demoBundle());
  }, 600_000);
  afterAll(() => api?.close());

  it('every export answers with content that its consumer reads', async () => {
    // The demo allies have no location and no seat: a valid, empty layer, every ally counted as omitted.
    const allies = await geojson(api, '/export/allies.geojson');
    const total = expectData(await api.gql<{ allies: { totalCount: number } }>('{ allies { totalCount } }'), 'allies.totalCount').allies.totalCount;
    expect(total).toBeGreaterThan(0);
    expect(allies.body.features.length + Number(allies.res.headers.get('x-archipel-omitted'))).toBe(total);
    expect(allies.body.metadata.omitted).toBe(Number(allies.res.headers.get('x-archipel-omitted')));
    const chantiers = await geojson(api, '/export/chantiers.geojson');
    const chantierTotal = expectData(await api.gql<{ chantiers: { totalCount: number } }>('{ chantiers { totalCount } }'), 'chantiers.totalCount').chantiers.totalCount;
    expect(chantiers.body.features.length + Number(chantiers.res.headers.get('x-archipel-omitted'))).toBe(chantierTotal);
    const gexf = await api.get('/export/network.gexf');
    expect(gexf.status).toBe(200);
    expect(parseGexf(Graph, await gexf.text()).order).toBeGreaterThan(0);
    const json = await api.get('/export/network.json');
    expect(json.status).toBe(200);
    expect(Graph.from((await json.json()) as SerializedGraph).order).toBeGreaterThan(0);
    const csv = await api.get('/export/territory-stats.csv?level=REGION');
    expect(csv.status).toBe(200);
    const rows = parseCsv(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    // The demo allies have no seat: every count is 0, but each région of the graph has its row.
    const stats = expectData(await api.gql<{ territoryStats: { territory: { ref: string }; allies: number }[] }>('{ territoryStats(level: REGION) { territory { ref } allies } }'), 'territoryStats.0');
    expect(rows.map((r) => [r.ref, Number(r.allies)])).toEqual(stats.territoryStats.map((s) => [s.territory.ref, s.allies]));
  });
});

describe('privacy canary: every export', () => {
  let api: TestApi;
  let canaryId: string;
  beforeAll(async () => {
    api = await startTestApiOn(mapFixture());
    canaryId = await api.db.readTx(async (tx) => (await tx.run('MATCH (a:Ally {slug: $s}) RETURN a.id AS id', { s: CANARY.slug })).records[0].get('id'));
  }, 600_000);
  afterAll(() => api?.close());

  /** Each export URL, and a check that it answered with content (STYLE 14). */
  const urls: Record<string, (text: string) => void> = {
    '/export/allies.geojson': (t) => expect(JSON.parse(t).features.length).toBeGreaterThan(0),
    '/export/allies.geojson?theme=energie&kind=PERSON': (t) => expect(JSON.parse(t).metadata).toBeDefined(),
    '/export/allies.geojson?territory=region:32': (t) => expect(JSON.parse(t).features.length).toBeGreaterThan(0),
    '/export/allies.geojson?bbox=2.78,50.45,2.8,50.47': (t) => expect(JSON.parse(t).features.length).toBeGreaterThan(0),
    '/export/chantiers.geojson': (t) => expect(JSON.parse(t).features.length).toBeGreaterThan(0),
    '/export/network.gexf': (t) => expect(parseGexf(Graph, t).order).toBeGreaterThan(0),
    '/export/network.gexf?projection=COLLABORATION': (t) => expect(parseGexf(Graph, t).order).toBeGreaterThan(0),
    '/export/network.json': (t) => expect(Graph.from(JSON.parse(t)).order).toBeGreaterThan(0),
    '/export/network.json?chantier=chantier-renouvelable&projection=COLLABORATION': (t) => expect(Graph.from(JSON.parse(t)).order).toBeGreaterThan(0),
    '/export/territory-stats.csv?level=COMMUNE': (t) => expect(t.split('\n').length).toBeGreaterThan(2),
  };

  it.each(Object.keys(urls))('%s answers, with content, and never shows the canary', async (url) => {
    const res = await api.get(url);
    const text = await res.text();
    expect({ url, status: res.status }).toEqual({ url, status: 200 });
    urls[url](text);
    expect(text).not.toContain(CANARY.slug);
    expect(text).not.toContain('Canari');
    expect(text).not.toContain(CANARY.email);
    expect(text).not.toContain(canaryId);
    expect(text).not.toContain('@example.org');
  });

  it('the canary is not counted either: the persons of Loos-en-Gohelle', async () => {
    const res = await api.get('/export/territory-stats.csv?level=COMMUNE&within=departement:62');
    const rows = parseCsv(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.code === '62528')).toMatchObject({ persons: '1' });
  });
});
