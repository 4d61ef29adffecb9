import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { Context, loader } from '../../context';
import { cypherFragment, cypherQuery, CypherQuery, variantQuery } from '../../db/cypher-registry';
import { turnIfBusy } from '../../limits/bounded-schema';
import { Connection, PageRequest, PagedRow, toConnection } from '../../common/relay';
import { LABELS, labelModel, RELATIONSHIPS, SHORT_OUT_TYPES, type NodeLabel } from '../../graph/model';
import type { GraphQLResolveInfo } from 'graphql';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { fieldTree, nodeRow, ProjectedNode, Props, relatedAskRow, RelatedAskRow, RelatedTuple, relRow } from './projection';
import { byKeyWithPageQuery, pageShapeOf, relatedPageQuery, shapeName, withNames } from './related.shapes';

/**
 * Generic graph reads shared by every type: nodes by id or key, the short relation lists of a node,
 * and paged relation lists. All go through per-request DataLoaders, so a request costs one Cypher
 * round trip per nesting level and kind of read, never one per parent; they are keyed by (label, id),
 * and read only the properties the selection needs (projection.ts). Privacy (DESIGN §3) is in the
 * Cypher: `canSeePrivate` and `canSeeEmails` are parameters, so no resolver can forget them.
 */

/** A node as read from the graph: its properties plus element id and labels. */
export interface NodeRow {
  _eid: string;
  _labels: string[];
  id: string;
  [property: string]: unknown;
}

export interface RelatedRow {
  type: string;
  rel: Record<string, unknown>;
  node: NodeRow;
}

export type { NodeLabel };

/** Parameters of the types the API sends, matching nothing (see CypherQuery.sample: warm-up plans with them). */
const NO_ONE = { canSeePrivate: false, canSeeEmails: false };
const FIRST_PAGE = { desc: false, afterKey: null, afterId: null, limit: neo4j.int(21) };
const NO_ASK = { key: '-', label: 'Ally', id: '-' };
const NO_PARENT = { asks: [NO_ASK], types: ['PART_OF'], role: null, targetLabel: null, ...NO_ONE };
const NO_RELATED_ASK = { ...NO_ASK, types: ['PART_OF'], role: null, targetLabel: null, level: null, props: ['name'], rel: ['role'] };

const byIds = cypherQuery('node/by-ids', { ids: ['-'], props: ['name'], ...NO_ONE });
// Bound with its sample before its variants by label (byKeysOf), which carry it.
cypherQuery('node/by-keys', { keys: ['-'], label: 'Ally', props: ['name'], asks: [] as unknown[], ...NO_ONE });
const relatedOut = cypherQuery('node/related-out', { asks: [NO_RELATED_ASK], ...NO_ONE });
const relatedIn = cypherQuery('node/related-in', { asks: [NO_RELATED_ASK], ...NO_ONE });
const relatedCountOut = cypherQuery('node/related-count-out', { ...NO_PARENT, level: null });
const relatedCountIn = cypherQuery('node/related-count-in', { ...NO_PARENT, level: null });
const listPage = cypherQuery('node/list-page', { label: 'Theme', level: null, ...FIRST_PAGE });
const listCount = cypherQuery('node/list-count', { label: 'Theme', level: null });

/**
 * Outgoing relationships short enough to read whole, in one query for all of a node's short lists
 * (an ally's themes, seat, territories, affiliations… a chantier's objectives, themes, territories…):
 * the graph model's `outList: 'short'` types. CONTRIBUTES_TO is paged (Ally.chantiers), so it is not here.
 */
export { SHORT_OUT_TYPES };

const NODE_LABELS: readonly NodeLabel[] = LABELS.map((l) => l.label);

type ParentQuery = 'node/related-out' | 'node/related-in' | 'node/related-count-out' | 'node/related-count-in';
const PARENT_QUERIES: Readonly<Record<ParentQuery, CypherQuery>> = {
  'node/related-out': relatedOut, 'node/related-in': relatedIn, 'node/related-count-out': relatedCountOut, 'node/related-count-in': relatedCountIn,
};

/**
 * A query of parents (node/parent: a union of one seek per label) for a batch whose parents all have
 * one label: that label's seek alone (node/parent-of-label). At 10,000 allies, the short lists of a
 * page of 50 allies: 3.1 -> 2.4 ms, half of Neo4j's CPU, and the text plans in half the time. Made
 * for every label that can be a parent in that direction (the graph model's relationships), at load.
 */
const parentVariant = (query: ParentQuery, label: NodeLabel): CypherQuery =>
  variantQuery(query, `parent-${label}`, { 'node/parent': withNames(cypherFragment('node/parent-of-label', 'match'), { PARENT: label }) });
const variantsFor = (queries: ParentQuery[], labels: readonly NodeLabel[]) =>
  queries.map((q) => [q, new Map(labels.map((l) => [l, parentVariant(q, l)]))] as const);
const PARENT_VARIANTS: ReadonlyMap<ParentQuery, ReadonlyMap<NodeLabel, CypherQuery>> = new Map([
  ...variantsFor(['node/related-out', 'node/related-count-out'], NODE_LABELS.filter((l) => RELATIONSHIPS.some((r) => r.from === l))),
  ...variantsFor(['node/related-in', 'node/related-count-in'], NODE_LABELS.filter((l) => RELATIONSHIPS.some((r) => r.to === l))),
]);

/**
 * node/by-keys for each label: that label's key seek (by-keys#find-label) instead of the union of a
 * seek per label that $label picks a branch of (by-keys#find-any). Made for every label at load.
 */
const BY_KEYS: ReadonlyMap<NodeLabel, CypherQuery> = new Map(
  NODE_LABELS.map((label) => {
    const find = withNames(cypherFragment('node/by-keys', 'find-label'), { PARENT: label, KEY: labelModel(label).key });
    return [label, variantQuery('node/by-keys', `label-${label}`, { 'node/by-keys#find-any': find })];
  }),
);
const byKeysOf = (label: NodeLabel): CypherQuery => BY_KEYS.get(label)!;

/** The query for parents of these labels: one label's variant, or the union when they are mixed. */
function parentQuery(query: ParentQuery, labels: ReadonlySet<NodeLabel>): CypherQuery {
  const [only] = labels;
  return (labels.size === 1 && PARENT_VARIANTS.get(query)!.get(only)) || PARENT_QUERIES[query];
}

/** The label of a row (its GraphQL type), for the loaders keyed by (label, id). */
export function labelOf(row: NodeRow): NodeLabel {
  const label = NODE_LABELS.find((l) => row._labels.includes(l));
  if (!label) throw new Error(`node with labels ${row._labels.join(':')} has no known label`);
  return label;
}

/** A loader key for a node: (label, id), stable across transactions (an element id is not). */
export const nodeKey = (row: NodeRow): string => `${labelOf(row)}:${row.id}`;
const parentAsk = (row: NodeRow) => ({ key: nodeKey(row), label: labelOf(row), id: row.id });

export const privacyParams = (ctx: Context) => ({ canSeePrivate: ctx.viewer.canSeePrivate, canSeeEmails: ctx.viewer.canSeeEmails });

/** Nodes by id, with the properties `props` (null: all; see projection.ts). */
export function nodeById(ctx: Context, props: Props = null): DataLoader<string, NodeRow | null> {
  return loader(ctx, `nodeById:${JSON.stringify(props)}`, () =>
    new DataLoader<string, NodeRow | null>(async (ids) => {
      const rows = await ctx.db.read<{ key: string; node: ProjectedNode }>(byIds, { ids, props, ...privacyParams(ctx) });
      const map = new Map(rows.map((r) => [r.key, nodeRow(r.node, props)]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  );
}

/** Nodes of a label by human key (slug, ref, code), with the properties `props` (null: all). */
export function nodeByKey(ctx: Context, label: NodeLabel, props: Props = null): DataLoader<string, NodeRow | null> {
  return loader(ctx, `nodeByKey:${label}:${JSON.stringify(props)}`, () =>
    new DataLoader<string, NodeRow | null>(async (keys) => {
      const rows = await ctx.db.read<{ key: string; node: ProjectedNode }>(byKeysOf(label), { keys, label, props, asks: [], ...privacyParams(ctx) });
      const map = new Map(rows.map((r) => [r.key, nodeRow(r.node, props)]));
      return keys.map((k) => map.get(k) ?? null);
    }),
  );
}

/** What a short (unpaged) relation list reads, besides its parent. */
export interface RelatedOptions {
  role?: string | null;
  targetLabel?: NodeLabel | null;
  /** The related nodes' properties (null or absent: all). */
  props?: Props;
  /** The relationship's properties (absent: role and since). */
  rel?: readonly string[];
}

/** A relation list of a node, its parent aside: what a field asks (see relatedAsks). */
export type ListAsk = Omit<RelatedAsk, 'parent'>;

interface RelatedAsk {
  parent: NodeRow;
  types: readonly string[];
  role: string | null;
  targetLabel: NodeLabel | null;
  level: string | null;
  props: Props;
  rel: readonly string[];
  /** A page (keyset and limit), or null: the whole short list. */
  page: ReturnType<typeof keysetParams> | null;
}

const ALL_REL = ['role', 'since'];

/**
 * The relation lists asked at one request level, whatever their parents, types, selections and
 * pages: one round trip per direction (the ally card's seat, themes and first chantiers; every
 * chantier's objectives…), each ask with its own property lists and page. The short lists share
 * related-out/in; the pages go by shape (related.shapes.ts: one text per type, labels and order, a
 * Top of the page's size per parent), the asks of one shape and size in one query; all of them
 * sent together in one transaction (Database.readAll).
 */
function relatedAsks(ctx: Context, dir: 'out' | 'in'): DataLoader<RelatedAsk, RelatedAskRow[], string> {
  return loader(ctx, `related:${dir}`, () =>
    new DataLoader<RelatedAsk, RelatedAskRow[], string>(
      async (asks) => {
        const out: RelatedAskRow[][] = asks.map(() => []);
        for (const rows of (await ctx.db.readAll(relatedReads(ctx, dir, asks))) as { key: string; rows: RelatedTuple[] }[][]) {
          for (const r of rows) out[Number(r.key)] = r.rows.map(relatedAskRow);
        }
        return out;
      },
      { cacheKeyFn: (a) => JSON.stringify([nodeKey(a.parent), a.types, a.role, a.targetLabel, a.level, a.props, a.rel, a.page && { ...a.page, limit: Number(a.page.limit) }]) },
    ),
  );
}

/**
 * The reads of a batch of relation lists (each answer keyed by its position): the short lists in
 * related-out/in, the pages by shape, one query per shape and page size. A page of a relation the
 * graph model does not have (or whose other end it cannot tell) is a programming error.
 */
function relatedReads(ctx: Context, dir: 'out' | 'in', asks: readonly RelatedAsk[]): [CypherQuery, Record<string, unknown>][] {
  const privacy = privacyParams(ctx);
  const generic: Record<string, unknown>[] = [];
  const genericLabels = new Set<NodeLabel>();
  const pages = new Map<string, { query: CypherQuery; limit: unknown; asks: Record<string, unknown>[] }>();
  asks.forEach(({ parent, ...ask }, i) => {
    const key = String(i);
    const label = labelOf(parent);
    if (!ask.page) {
      generic.push({ ...askParams(ask, i), label, id: parent.id });
      genericLabels.add(label);
      return;
    }
    const shape = pageShape(dir, label, ask);
    if (!shape) throw new Error(`no page shape for the ${dir} relation ${ask.types.join('|')} of ${label} to ${ask.targetLabel ?? 'any label'}: name its target label`);
    const group = `${shapeName(shape)}:${Number(ask.page.limit)}`;
    const entry = pages.get(group) ?? { query: relatedPageQuery(shape), limit: ask.page.limit, asks: [] };
    entry.asks.push({ ...pageAskParams(ask, key), id: parent.id });
    pages.set(group, entry);
  });
  const reads: [CypherQuery, Record<string, unknown>][] = [];
  if (generic.length) reads.push([parentQuery(dir === 'out' ? 'node/related-out' : 'node/related-in', genericLabels), { asks: generic, ...privacy }]);
  for (const p of pages.values()) reads.push([p.query, { asks: p.asks, limit: p.limit, ...privacy }]);
  return reads;
}

/** The shape of a page ask whose relation the graph model fixes (related.shapes.ts); null for a short list or another page. */
function pageShape(dir: 'out' | 'in', parent: NodeLabel, ask: ListAsk) {
  return ask.page && ask.types.length === 1 ? pageShapeOf(dir, parent, ask.types[0], ask.targetLabel, ask.page.desc) : null;
}

/** A page ask as the page queries take it (`$asks` of related-page, `$page` of by-keys-with-page), the parent aside. */
function pageAskParams(ask: ListAsk, key: string) {
  return { key, role: ask.role, level: ask.level, props: ask.props, rel: ask.rel, afterKey: ask.page?.afterKey ?? null, afterId: ask.page?.afterId ?? null };
}

/** A short list's ask as related-out/in and by-keys take it (`$asks`), the parent's label and id aside. */
function askParams(a: ListAsk, i: number) {
  return { key: String(i), types: a.types, role: a.role, targetLabel: a.targetLabel, level: a.level, props: a.props, rel: a.rel };
}

/** The ask of a short (unpaged) relation list. */
export function listAsk(types: readonly string[], opts: RelatedOptions = {}): ListAsk {
  return { types, role: opts.role ?? null, targetLabel: opts.targetLabel ?? null, level: null, props: opts.props ?? null, rel: opts.rel ?? ALL_REL, page: null };
}

/** The ask of a page of a relation list. */
export function pageAsk(opts: RelatedPageOptions, req: PageRequest): ListAsk {
  return {
    types: opts.types, role: opts.role ?? null, targetLabel: opts.targetLabel ?? null, level: opts.level ?? null,
    props: opts.props ?? null, rel: opts.rel ?? ALL_REL, page: keysetParams(req, false),
  };
}

async function shortList(ctx: Context, dir: 'out' | 'in', ask: RelatedAsk): Promise<RelatedRow[]> {
  const rows = await relatedAsks(ctx, dir).load(ask);
  return rows.map((r) => ({ type: r.type, rel: relRow(r.rel, ask.rel), node: nodeRow(r.node, ask.props) }));
}

/** Out-relations of one type for a parent row, in the order of the related nodes' names. */
export async function outRelated(ctx: Context, parent: NodeRow, type: string, opts: RelatedOptions = {}): Promise<RelatedRow[]> {
  return outList(ctx, parent, listAsk([type], opts));
}

/** A short out-relation list of a parent row, by its ask (see listAsk). */
export async function outList(ctx: Context, parent: NodeRow, ask: ListAsk): Promise<RelatedRow[]> {
  return shortList(ctx, 'out', { parent, ...ask });
}

/** Incoming relations (unpaged) of given types, e.g. a chantier's referents, a theme's leads; load(parent). */
export function inRelated(ctx: Context, types: string[], opts: RelatedOptions = {}): { load(parent: NodeRow): Promise<RelatedRow[]> } {
  return { load: (parent) => shortList(ctx, 'in', { parent, ...listAsk(types, opts) }) };
}

/**
 * The out-relation lists a node's fields are about to ask, read ahead from the selection of the
 * field that returns the node (`info`): for each selected field of `typeName` that `asks` knows, its
 * ask, made from the field's own parsed selection and arguments by the same function its resolver
 * uses. A field whose ask cannot be made (bad arguments) is left to its resolver, which reports it.
 */
export function asksAhead(info: GraphQLResolveInfo, typeName: string, asks: Readonly<Record<string, (tree: ResolveTree) => ListAsk>>): ListAsk[] {
  const fields = fieldTree(info)?.fieldsByTypeName[typeName] ?? {};
  const out: ListAsk[] = [];
  for (const field of Object.values(fields)) {
    const make = asks[field.name];
    if (!make) continue;
    try {
      out.push(make(field));
    } catch {
      // the field's resolver makes the same ask and reports the error in its place
    }
  }
  return out;
}

/**
 * A node by key and, in the same round trip, the out-relation lists `ahead` of it (asksAhead): the
 * lists are primed into the loader the fields read through, so a node and its card's lists (an
 * ally's seat, themes and first chantiers) cost one round trip instead of two. Without lists, the
 * batched nodeByKey.
 */
export async function nodeByKeyAhead(ctx: Context, label: NodeLabel, key: string, props: Props, ahead: ListAsk[]): Promise<NodeRow | null> {
  const byKey = nodeByKey(ctx, label, props);
  if (!ahead.length) return byKey.load(key);
  // The short lists ride in by-keys' $asks; the first page (an ally card's first chantiers), in its
  // variant with that page by shape: one statement. Another page (an alias) is read by its field.
  const at = ahead.findIndex((a) => pageShape('out', label, a));
  const page = at < 0 ? null : { a: ahead[at], i: at };
  const shape = page && pageShape('out', label, page.a);
  const asks = ahead.map((a, i) => ({ a, i })).filter(({ a }) => !a.page);
  const [r] = await ctx.db.read<{ node: ProjectedNode; related: { key: string; rows: RelatedTuple[] }[] }>(shape ? byKeyWithPageQuery(shape) : byKeysOf(label), {
    keys: [key], label, props, asks: asks.map(({ a, i }) => askParams(a, i)), ...privacyParams(ctx),
    ...(page && { page: pageAskParams(page.a, String(page.i)), limit: page.a.page!.limit }),
  });
  const node = r ? nodeRow(r.node, props) : null;
  byKey.prime(key, node);
  if (node) {
    const lists = relatedAsks(ctx, 'out');
    for (const rel of r.related) lists.prime({ parent: node, ...ahead[Number(rel.key)] }, rel.rows.map(relatedAskRow));
  }
  return node;
}

export interface RelatedPageOptions {
  dir: 'out' | 'in';
  types: string[];
  role?: string | null;
  targetLabel?: NodeLabel;
  level?: string | null;
  /** The related nodes' properties (null or absent: all; see projection.ts). */
  props?: Props;
  /** The relationship's properties (absent: role and since). */
  rel?: readonly string[];
}

/** Cursor condition params of a page request, for the keyset WHERE of the paged queries. */
export function keysetParams(req: PageRequest, descending: boolean) {
  return {
    desc: descending !== req.backward,
    afterKey: req.cursor?.key ?? null,
    afterId: req.cursor?.id ?? null,
    limit: neo4j.int(req.size + 1),
  };
}

/** A page of related nodes (with the relationship's properties) of a parent, batched with the other relation lists of its level. */
async function relatedPage(ctx: Context, parent: NodeRow, opts: RelatedPageOptions, req: PageRequest): Promise<PagedRow<RelatedRow>[]> {
  const ask: RelatedAsk = { parent, ...pageAsk(opts, req) };
  const rows = await relatedAsks(ctx, opts.dir).load(ask);
  // One batch resolves every parent's page at once: in a large request, each parent maps its rows in its turn.
  const wait = turnIfBusy(ctx.budget);
  if (wait) {
    await wait;
    ctx.budget?.checkTime();
  }
  return rows.map((x) => ({ sortKey: x.sortKey, id: x.id, item: { type: opts.types[0], rel: relRow(x.rel, ask.rel), node: nodeRow(x.node, ask.props) } }));
}

/** How many nodes are related to each parent (a paged relation's totalCount), only when selected; batched. */
export function relatedCount(ctx: Context, opts: RelatedPageOptions): DataLoader<NodeRow, number, string> {
  const { props: _props, rel: _rel, ...counted } = opts;
  return loader(ctx, `relatedCount:${JSON.stringify(counted)}`, () =>
    new DataLoader<NodeRow, number, string>(
      async (parents) => {
        const query = parentQuery(opts.dir === 'out' ? 'node/related-count-out' : 'node/related-count-in', new Set(parents.map(labelOf)));
        const rows = await ctx.db.read<{ parent: string; total: number }>(query, {
          ...relatedParams(parents, opts),
          ...privacyParams(ctx),
        });
        const map = new Map(rows.map((r) => [r.parent, r.total]));
        return parents.map((p) => map.get(nodeKey(p)) ?? 0);
      },
      { cacheKeyFn: nodeKey },
    ),
  );
}

function relatedParams(parents: readonly NodeRow[], opts: RelatedPageOptions) {
  return { asks: parents.map(parentAsk), types: opts.types, role: opts.role ?? null, targetLabel: opts.targetLabel ?? null, level: opts.level ?? null };
}

export async function relatedConnection<T>(
  ctx: Context,
  parent: NodeRow,
  opts: RelatedPageOptions,
  req: PageRequest,
  map: (row: RelatedRow) => T,
): Promise<Connection<T>> {
  const page = await relatedPage(ctx, parent, opts, req);
  return toConnection(
    page.map((r) => ({ ...r, item: map(r.item) })),
    req,
    () => relatedCount(ctx, opts).load(parent),
  );
}

/** A root list of one label (themes, territories, events…), ordered by name. */
export async function listConnection(ctx: Context, label: NodeLabel, req: PageRequest, level: string | null = null): Promise<Connection<NodeRow>> {
  const rows = await ctx.db.read<PagedRow<NodeRow>>(listPage, { label, level, ...keysetParams(req, false) });
  return toConnection(rows, req, async () => (await ctx.db.read<{ total: number }>(listCount, { label, level }))[0].total);
}
