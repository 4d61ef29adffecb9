import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { Context, loader } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { Connection, PageRequest, PagedRow, toConnection } from '../../common/relay';
import { nodeRow, ProjectedNode, Props, relRow } from './projection';

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

export type NodeLabel = 'Ally' | 'Territory' | 'Theme' | 'Chantier' | 'Charter' | 'CharterObjective' | 'Event' | 'Resource' | 'LearningCommunity';

/** Parameters of the types the API sends, matching nothing (see CypherQuery.sample: warm-up plans with them). */
const NO_ONE = { canSeePrivate: false, canSeeEmails: false };
const FIRST_PAGE = { desc: false, afterKey: null, afterId: null, limit: neo4j.int(21) };
const NO_ASK = { key: '-', label: 'Ally', id: '-' };
const NO_PARENT = { asks: [NO_ASK], types: ['PART_OF'], role: null, targetLabel: null, ...NO_ONE };
const NO_RELATED_ASK = { ...NO_ASK, types: ['PART_OF'], role: null, targetLabel: null, props: ['name'], rel: ['role'] };
const PROJECTED = { props: ['name'], rel: ['role'] };

const byIds = cypherQuery('node/by-ids', { ids: ['-'], props: ['name'], ...NO_ONE });
const byKeys = cypherQuery('node/by-keys', { keys: ['-'], label: 'Ally', props: ['name'], ...NO_ONE });
const relatedOut = cypherQuery('node/related-out', { asks: [NO_RELATED_ASK], ...NO_ONE });
const relatedIn = cypherQuery('node/related-in', { asks: [NO_RELATED_ASK], ...NO_ONE });
const relatedPageOut = cypherQuery('node/related-page-out', { ...NO_PARENT, level: null, ...FIRST_PAGE, ...PROJECTED });
const relatedPageIn = cypherQuery('node/related-page-in', { ...NO_PARENT, level: null, ...FIRST_PAGE, ...PROJECTED });
const relatedCountOut = cypherQuery('node/related-count-out', { ...NO_PARENT, level: null });
const relatedCountIn = cypherQuery('node/related-count-in', { ...NO_PARENT, level: null });
const listPage = cypherQuery('node/list-page', { label: 'Theme', level: null, ...FIRST_PAGE });
const listCount = cypherQuery('node/list-count', { label: 'Theme', level: null });

const NODE_LABELS: readonly NodeLabel[] = ['Ally', 'Territory', 'Theme', 'Chantier', 'Charter', 'CharterObjective', 'Event', 'Resource', 'LearningCommunity'];

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
      const rows = await ctx.db.read<{ key: string; node: ProjectedNode }>(byKeys, { keys, label, props, ...privacyParams(ctx) });
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

interface RelatedAsk {
  parent: NodeRow;
  types: readonly string[];
  role: string | null;
  targetLabel: NodeLabel | null;
  props: Props;
  rel: readonly string[];
}

const ALL_REL = ['role', 'since'];

/**
 * The short relation lists asked at one request level, whatever their parents, types and
 * selections: one query per direction (the ally card's seat and themes, every chantier's
 * objectives…), each ask with its own property lists.
 */
function relatedAsks(ctx: Context, dir: 'out' | 'in'): DataLoader<RelatedAsk, RelatedRow[], string> {
  return loader(ctx, `related:${dir}`, () =>
    new DataLoader<RelatedAsk, RelatedRow[], string>(
      async (asks) => {
        const params = asks.map((a, i) => ({
          key: String(i), label: labelOf(a.parent), id: a.parent.id, types: a.types, role: a.role, targetLabel: a.targetLabel, props: a.props, rel: a.rel,
        }));
        const rows = await ctx.db.read<{ key: string; type: string; rel: unknown[]; node: ProjectedNode }>(dir === 'out' ? relatedOut : relatedIn, {
          asks: params,
          ...privacyParams(ctx),
        });
        const out: RelatedRow[][] = asks.map(() => []);
        for (const r of rows) {
          const a = asks[Number(r.key)];
          out[Number(r.key)].push({ type: r.type, rel: relRow(r.rel, a.rel), node: nodeRow(r.node, a.props) });
        }
        return out;
      },
      { cacheKeyFn: (a) => JSON.stringify([nodeKey(a.parent), a.types, a.role, a.targetLabel, a.props, a.rel]) },
    ),
  );
}

function relatedAsk(parent: NodeRow, types: readonly string[], opts: RelatedOptions): RelatedAsk {
  return { parent, types, role: opts.role ?? null, targetLabel: opts.targetLabel ?? null, props: opts.props ?? null, rel: opts.rel ?? ALL_REL };
}

/** Out-relations of one type for a parent row, in the order of the related nodes' names. */
export async function outRelated(ctx: Context, parent: NodeRow, type: string, opts: RelatedOptions = {}): Promise<RelatedRow[]> {
  return relatedAsks(ctx, 'out').load(relatedAsk(parent, [type], opts));
}

/** Incoming relations (unpaged) of given types, e.g. a chantier's referents, a theme's leads; load(parent). */
export function inRelated(ctx: Context, types: string[], opts: RelatedOptions = {}): { load(parent: NodeRow): Promise<RelatedRow[]> } {
  return { load: (parent) => relatedAsks(ctx, 'in').load(relatedAsk(parent, types, opts)) };
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

/** A page of related nodes (with the relationship's properties) per parent, batched across parents (keyed by label and id). */
export function relatedPage(ctx: Context, opts: RelatedPageOptions, req: PageRequest): DataLoader<NodeRow, PagedRow<RelatedRow>[], string> {
  const name = `relatedPage:${JSON.stringify(opts)}:${JSON.stringify(req)}`;
  const props = opts.props ?? null;
  const rel = opts.rel ?? ALL_REL;
  return loader(ctx, name, () =>
    new DataLoader<NodeRow, PagedRow<RelatedRow>[], string>(
      async (parents) => {
        const rows = await ctx.db.read<{ parent: string; rows: { sortKey: string; id: string; rel: unknown[]; node: ProjectedNode }[] }>(
          opts.dir === 'out' ? relatedPageOut : relatedPageIn,
          { ...relatedParams(parents, opts), ...keysetParams(req, false), props, rel, ...privacyParams(ctx) },
        );
        const map = new Map(rows.map((r) => [r.parent, r.rows]));
        return parents.map((p) =>
          (map.get(nodeKey(p)) ?? []).map((x) => ({ sortKey: x.sortKey, id: x.id, item: { type: opts.types[0], rel: relRow(x.rel, rel), node: nodeRow(x.node, props) } })),
        );
      },
      { cacheKeyFn: nodeKey },
    ),
  );
}

/** How many nodes are related to each parent (a paged relation's totalCount), only when selected; batched. */
export function relatedCount(ctx: Context, opts: RelatedPageOptions): DataLoader<NodeRow, number, string> {
  const { props: _props, rel: _rel, ...counted } = opts;
  return loader(ctx, `relatedCount:${JSON.stringify(counted)}`, () =>
    new DataLoader<NodeRow, number, string>(
      async (parents) => {
        const rows = await ctx.db.read<{ parent: string; total: number }>(opts.dir === 'out' ? relatedCountOut : relatedCountIn, {
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
  const page = await relatedPage(ctx, opts, req).load(parent);
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
