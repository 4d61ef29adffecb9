import neo4j from 'neo4j-driver';
import { startTestApi, TestApi } from '../helpers/api';
import { composedQueries, CypherQuery, shapedQuery } from '../../src/db/cypher-registry';
import '../../src/modules/node/node.repository';
import '../../src/modules/node/references';
import { ALLY_RESIDUALS, AllyStart } from '../../src/modules/ally/ally.plan';
import { allyCountQuery, allyPageQuery, ALLY_ORDERS, ALLY_STARTS, INDEX_STARTS } from '../../src/modules/ally/ally.shapes';
import { CHANTIER_RESIDUALS, ChantierStart } from '../../src/modules/chantier/chantier.plan';
import { chantierCountQuery, chantierPageQuery, CHANTIER_ORDERS, CHANTIER_STARTS } from '../../src/modules/chantier/chantier.shapes';
import { byKeyWithPageQuery, relatedPageQuery, relationPageShapes } from '../../src/modules/node/related.shapes';

/**
 * STYLE 7: EXPLAIN every query shape of the ally and chantier lists against Neo4j and assert its
 * plan — under a selective start, no label scan (or all-nodes scan) of Ally or Chantier; reading the
 * name/title index, no sort at all (the index gives the order, the LIMIT stops the read); a count
 * never sorts. Each shape is explained bare and with every residual filter it can take.
 */
interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function operators(plan: PlanNode): { op: string; details: string }[] {
  const here = { op: plan.operatorType.replace(/@.*$/, ''), details: String(plan.arguments.Details ?? '') };
  return [here, ...plan.children.flatMap(operators)];
}

const SCOPE_ALLY = {
  start: 'x', startRole: null, kind: 'ORGANIZATION', organizationTypes: ['ASSOCIATION'], themeGroups: [{ slugs: ['t'], role: null }],
  territories: ['region:32'], chantiers: ['c'], objectives: ['1'], signedAfter: '2020-01-01', signedBefore: '2024-01-01',
  near: { latitude: 50, longitude: 2, radiusKm: 10 }, bbox: { south: 49, west: 1, north: 51, east: 3 }, text: 'x',
};
const SCOPE_CHANTIER = {
  start: 'x', status: ['ACTIVE'], kind: 'COLLECTIVE', objectives: ['1'], themeGroups: [{ slugs: ['t'], role: null }], territories: ['region:32'], participants: ['a'], text: 'x',
};
const PAGE = { afterKey: null, afterId: null, fromKey: '', fromDegree: neo4j.int(0), allDegrees: false, props: ['name'], limit: neo4j.int(21), canSeePrivate: false, canSeeEmails: false };

describe('query plans of the list shapes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const explain = async (q: CypherQuery, c: unknown) => {
    const res = await api.db.readTx((tx) => tx.run(`EXPLAIN ${q.text}`, { ...PAGE, scopes: [{ key: '0', c }] }));
    return operators(res.summary.plan as unknown as PlanNode);
  };

  const allyCases: [string, CypherQuery, AllyStart, boolean][] = [];
  for (const start of ALLY_STARTS) {
    for (const residuals of [[], ALLY_RESIDUALS.filter((r) => r !== start)]) {
      const shape = { start, residuals: [...residuals] };
      if (!INDEX_STARTS[start]) allyCases.push([`${allyCountQuery(shape).name}`, allyCountQuery(shape), start, true]);
      for (const order of ALLY_ORDERS) {
        if (INDEX_STARTS[start] && order !== INDEX_STARTS[start]) continue;
        for (const desc of [false, true]) {
          for (const privateDegrees of start === 'degree-index' ? [false, true] : [false]) {
            const q = allyPageQuery(shape, order, desc, privateDegrees);
            allyCases.push([q.name, q, start, false]);
          }
        }
      }
    }
  }

  it.each(allyCases)('%s', async (_name, q, start, isCount) => {
    const ops = await explain(q, SCOPE_ALLY);
    const scans = ops.filter((o) => (o.op === 'NodeByLabelScan' || o.op === 'AllNodesScan') && /:(Ally|Person|Organization)\b/.test(o.details));
    if (start === 'all') return; // nothing selective: the label is the start (orders without an index, counts of everything)
    expect(scans).toEqual([]);
    expect(ops.some((o) => o.op === 'AllNodesScan')).toBe(false);
    // The index start is hinted (cypher/fragments/ally.cypher): the index gives the order, whatever
    // the statistics of the store (without the hint, a small store or full-text hits among the
    // residuals could make Neo4j sort instead).
    if (INDEX_STARTS[start]) expect(ops.filter((o) => /Sort|Top/.test(o.op))).toEqual([]);
    if (isCount) expect(ops.filter((o) => /Sort|Top/.test(o.op))).toEqual([]);
  });

  const chantierCases: [string, CypherQuery, ChantierStart, boolean][] = [];
  for (const start of CHANTIER_STARTS) {
    for (const residuals of [[], CHANTIER_RESIDUALS.filter((r) => r !== start)]) {
      const shape = { start, residuals: [...residuals] };
      if (start !== 'title-index') chantierCases.push([chantierCountQuery(shape).name, chantierCountQuery(shape), start, true]);
      for (const order of CHANTIER_ORDERS) {
        if (start === 'title-index' && order !== 'TITLE') continue;
        for (const desc of [false, true]) {
          const q = chantierPageQuery(shape, order, desc);
          chantierCases.push([q.name, q, start, false]);
        }
      }
    }
  }

  it.each(chantierCases)('%s', async (_name, q, start, isCount) => {
    const ops = await explain(q, SCOPE_CHANTIER);
    if (start === 'all') return;
    expect(ops.filter((o) => (o.op === 'NodeByLabelScan' || o.op === 'AllNodesScan') && /:Chantier\b/.test(o.details))).toEqual([]);
    if (start === 'title-index' && !q.name.includes('+text')) expect(ops.filter((o) => /Sort|Top/.test(o.op))).toEqual([]);
    if (isCount) expect(ops.filter((o) => /Sort|Top/.test(o.op))).toEqual([]);
  });

  // The network's start sets and the statistics: one shape per set of conditions present (shapedQuery).
  const F_ALL = { kinds: ['PERSON'], themes: ['t'], chantier: 'c', objective: '1', territory: 'region:32' };
  const F_NONE = { kinds: null, themes: null, chantier: null, objective: null, territory: null };
  const networkCases: [string, string, boolean][] = [];
  for (const name of ['network/allies-all', 'network/allies-from-themes', 'network/allies-from-territory', 'network/allies-from-chantier', 'network/allies-from-objective', 'stats/territory-stats', 'stats/territory-stats-by-level', 'stats/territory-stats-from-allies', 'stats/theme-stats']) {
    networkCases.push([name, 'bare', false], [name, 'every condition', true]);
  }
  const SEMI = /SemiApply/;

  it.each(networkCases)('%s, %s: evaluates exactly the conditions of its shape', async (name, _label, full) => {
    const q = shapedQuery(name, full ? ['kinds', 'themes', 'chantier', 'objective', 'territory'] : []);
    const params = { f: full ? F_ALL : F_NONE, cap: neo4j.int(10), level: 'REGION', within: 'country:FR', start: 'themes', canSeePrivate: false };
    const ops = operators((await api.db.readTx((tx) => tx.run(`EXPLAIN ${q.text}`, params))).summary.plan as unknown as PlanNode);
    // The filter's references (filter-references.cypher) are read once (Let…SemiApply, as is `withinExists`); the
    // conditions are EXISTS subqueries on each ally or chantier row (SemiApply, or SelectOrSemiApply
    // behind a catch-all `$f.x IS NULL OR` guard): none in a bare shape.
    // territory-stats-by-level and -from-allies check each territory of the level upwards with one EXISTS (per territory, not per ally).
    const perRow = ops.filter((o) => SEMI.test(o.op) && !o.op.startsWith('Let'));
    const ownChecks = name === 'stats/territory-stats-by-level' || name === 'stats/territory-stats-from-allies' ? 1 : 0;
    if (full) expect(perRow.length).toBeGreaterThan(ownChecks);
    else expect(perRow.length).toBe(ownChecks);
    if (name !== 'network/allies-all') expect(ops.filter((o) => (o.op === 'NodeByLabelScan' || o.op === 'AllNodesScan') && /:(Ally|Person|Organization)\b/.test(o.details))).toEqual([]);
  });
  // A relation page by shape: its parents by id (or key) seek an index, the related nodes are one
  // expand of the shape's type, and the page is a Top of $limit rows per parent (never a Sort of
  // every related node, as the catch-all related-out/in does).
  const pageCases: [string, CypherQuery][] = relationPageShapes().flatMap((shape) => [
    [relatedPageQuery(shape).name, relatedPageQuery(shape)] as [string, CypherQuery],
    ...(shape.dir === 'out' ? [[byKeyWithPageQuery(shape).name, byKeyWithPageQuery(shape)] as [string, CypherQuery]] : []),
  ]);
  it.each(pageCases)('%s: an index seek for the parent, a Top per parent, no scan, no Sort', async (_name, q) => {
    const page = { key: '-', id: '-', role: null, level: null, props: ['name'], rel: ['role'], afterKey: null, afterId: null };
    const res = await api.db.readTx((tx) => tx.run(`EXPLAIN ${q.text}`, { asks: [page], page, keys: ['-'], label: 'Ally', props: ['name'], limit: neo4j.int(21), canSeePrivate: false, canSeeEmails: false }));
    const ops = operators(res.summary.plan as unknown as PlanNode);
    expect(ops.filter((o) => /NodeByLabelScan|AllNodesScan/.test(o.op))).toEqual([]);
    expect(ops.some((o) => /NodeUniqueIndexSeek|NodeIndexSeek/.test(o.op))).toBe(true);
    expect(ops.some((o) => o.op === 'Top')).toBe(true);
    // by-keys reads the node's short lists too (its seat, themes…: a few rows each, sorted whole): one Sort, theirs.
    expect(ops.filter((o) => o.op === 'Sort').length).toBe(q.name.startsWith('node/by-keys') ? 1 : 0);
  });
  // The relation lists and counts of parents of one label: that label's id seek alone, not the
  // union of a seek per label (node/parent) that a batch of parents of mixed labels still uses.
  const parentCases: [string, CypherQuery][] = composedQueries().filter((q) => /^node\/related-(out|in|count-out|count-in)\/parent-[A-Za-z]+$/.test(q.name)).map((q) => [q.name, q]);
  it('covers every such variant', () => expect(parentCases.length).toBeGreaterThanOrEqual(28));
  const keyCases: [string, CypherQuery][] = composedQueries().filter((q) => /^node\/by-keys\/label-[A-Za-z]+$/.test(q.name)).map((q) => [q.name, q]);
  it('covers by-keys for every label', () => expect(keyCases.length).toBe(9));
  it.each(keyCases)('%s: one index seek of its label and key, no union, no scan', async (name, q) => {
    const res = await api.db.readTx((tx) => tx.run(`EXPLAIN ${q.text}`, { keys: ['-'], label: 'Ally', props: ['name'], asks: [], canSeePrivate: false, canSeeEmails: false }));
    const ops = operators(res.summary.plan as unknown as PlanNode);
    expect(ops.filter((o) => /Union|NodeByLabelScan|AllNodesScan/.test(o.op))).toEqual([]);
    expect(ops.filter((o) => /NodeUniqueIndexSeek/.test(o.op)).map((o) => o.details)).toEqual([expect.stringContaining(`:${name.split('label-')[1]}(`)]);
  });
  it.each(parentCases)('%s: one index seek of its label for the parent, no union, no scan', async (name, q) => {
    const ask = { key: '-', label: 'Ally', id: '-', types: ['PART_OF'], role: null, targetLabel: null, level: null, props: ['name'], rel: ['role'] };
    const res = await api.db.readTx((tx) => tx.run(`EXPLAIN ${q.text}`, { asks: [ask], types: ['PART_OF'], role: null, targetLabel: null, level: null, canSeePrivate: false, canSeeEmails: false }));
    const ops = operators(res.summary.plan as unknown as PlanNode);
    const label = name.split('parent-')[1];
    expect(ops.filter((o) => /Union|NodeByLabelScan|AllNodesScan/.test(o.op))).toEqual([]);
    expect(ops.filter((o) => /NodeUniqueIndexSeek/.test(o.op)).map((o) => o.details)).toEqual([expect.stringContaining(`:${label}(id)`)]);
  });
});
