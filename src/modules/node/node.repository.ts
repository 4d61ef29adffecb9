import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { Context, loader } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { Connection, PageRequest, PagedRow, toConnection } from '../../common/relay';
import { SHORT_OUT_TYPES, type NodeLabel } from '../../graph/model';

/**
 * Generic graph reads shared by every type: nodes by id or key, the short relation lists of a node,
 * and paged relation lists. All go through per-request DataLoaders, so a request costs one Cypher
 * round trip per nesting level and kind of read, never one per parent. Privacy (DESIGN §3) is in the
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
const NO_PARENT = { parents: ['-'], types: ['PART_OF'], role: null, targetLabel: null, ...NO_ONE };

const byIds = cypherQuery('node/by-ids', { ids: ['-'], ...NO_ONE });
const byKeys = cypherQuery('node/by-keys', { keys: ['-'], label: 'Ally', ...NO_ONE });
const relatedOut = cypherQuery('node/related-out', NO_PARENT);
const relatedIn = cypherQuery('node/related-in', NO_PARENT);
const relatedPageOut = cypherQuery('node/related-page-out', { ...NO_PARENT, level: null, ...FIRST_PAGE });
const relatedPageIn = cypherQuery('node/related-page-in', { ...NO_PARENT, level: null, ...FIRST_PAGE });
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

export const privacyParams = (ctx: Context) => ({ canSeePrivate: ctx.viewer.canSeePrivate, canSeeEmails: ctx.viewer.canSeeEmails });

export function nodeById(ctx: Context): DataLoader<string, NodeRow | null> {
  return loader(ctx, 'nodeById', () =>
    new DataLoader<string, NodeRow | null>(async (ids) => {
      const rows = await ctx.db.read<{ key: string; node: NodeRow }>(byIds, { ids, ...privacyParams(ctx) });
      const map = new Map(rows.map((r) => [r.key, r.node]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  );
}

export function nodeByKey(ctx: Context, label: NodeLabel): DataLoader<string, NodeRow | null> {
  return loader(ctx, `nodeByKey:${label}`, () =>
    new DataLoader<string, NodeRow | null>(async (keys) => {
      const rows = await ctx.db.read<{ key: string; node: NodeRow }>(byKeys, { keys, label, ...privacyParams(ctx) });
      const map = new Map(rows.map((r) => [r.key, r.node]));
      return keys.map((k) => map.get(k) ?? null);
    }),
  );
}

/** All short outgoing relation lists of a node, read once per request level (see SHORT_OUT_TYPES). */
export function shortOutRelations(ctx: Context): DataLoader<string, RelatedRow[]> {
  return loader(ctx, 'shortOutRelations', () =>
    new DataLoader<string, RelatedRow[]>(async (eids) => {
      const rows = await ctx.db.read<RelatedRow & { parent: string }>(relatedOut, {
        parents: eids,
        types: SHORT_OUT_TYPES,
        role: null,
        targetLabel: null,
        ...privacyParams(ctx),
      });
      return groupByParent(eids, rows);
    }),
  );
}

/** Out-relations of one type for a parent row, in the order of the related nodes' names. */
export async function outRelated(ctx: Context, parent: NodeRow, type: string): Promise<RelatedRow[]> {
  const rows = await shortOutRelations(ctx).load(parent._eid);
  return rows.filter((r) => r.type === type);
}

/** Incoming relations (unpaged) of given types, e.g. a chantier's referents, a theme's leads. */
export function inRelated(ctx: Context, types: string[], opts: { role?: string; targetLabel?: NodeLabel } = {}): DataLoader<string, RelatedRow[]> {
  return loader(ctx, `inRelated:${types.join(',')}:${opts.role ?? ''}:${opts.targetLabel ?? ''}`, () =>
    new DataLoader<string, RelatedRow[]>(async (eids) => {
      const rows = await ctx.db.read<RelatedRow & { parent: string }>(relatedIn, {
        parents: eids,
        types,
        role: opts.role ?? null,
        targetLabel: opts.targetLabel ?? null,
        ...privacyParams(ctx),
      });
      return groupByParent(eids, rows);
    }),
  );
}

function groupByParent<T extends { parent: string }>(keys: readonly string[], rows: T[]): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.parent) ?? [];
    list.push(r);
    map.set(r.parent, list);
  }
  return keys.map((k) => map.get(k) ?? []);
}

export interface RelatedPageOptions {
  dir: 'out' | 'in';
  types: string[];
  role?: string | null;
  targetLabel?: NodeLabel;
  level?: string | null;
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

/** A page of related nodes (with the relationship's properties) per parent, batched across parents. */
export function relatedPage(ctx: Context, opts: RelatedPageOptions, req: PageRequest): DataLoader<string, PagedRow<RelatedRow>[]> {
  const name = `relatedPage:${JSON.stringify(opts)}:${JSON.stringify(req)}`;
  return loader(ctx, name, () =>
    new DataLoader<string, PagedRow<RelatedRow>[]>(async (eids) => {
      const rows = await ctx.db.read<{ parent: string; rows: { sortKey: string; id: string; rel: Record<string, unknown>; node: NodeRow }[] }>(
        opts.dir === 'out' ? relatedPageOut : relatedPageIn,
        { ...relatedParams(eids, opts), ...keysetParams(req, false), ...privacyParams(ctx) },
      );
      const map = new Map(rows.map((r) => [r.parent, r.rows]));
      return eids.map((eid) => (map.get(eid) ?? []).map((x) => ({ sortKey: x.sortKey, id: x.id, item: { type: opts.types[0], rel: x.rel, node: x.node } })));
    }),
  );
}

/** How many nodes are related to each parent (a paged relation's totalCount), only when selected; batched. */
export function relatedCount(ctx: Context, opts: RelatedPageOptions): DataLoader<string, number> {
  return loader(ctx, `relatedCount:${JSON.stringify(opts)}`, () =>
    new DataLoader<string, number>(async (eids) => {
      const rows = await ctx.db.read<{ parent: string; total: number }>(opts.dir === 'out' ? relatedCountOut : relatedCountIn, {
        ...relatedParams(eids, opts),
        ...privacyParams(ctx),
      });
      const map = new Map(rows.map((r) => [r.parent, r.total]));
      return eids.map((eid) => map.get(eid) ?? 0);
    }),
  );
}

function relatedParams(eids: readonly string[], opts: RelatedPageOptions) {
  return { parents: eids, types: opts.types, role: opts.role ?? null, targetLabel: opts.targetLabel ?? null, level: opts.level ?? null };
}

export async function relatedConnection<T>(
  ctx: Context,
  parent: NodeRow,
  opts: RelatedPageOptions,
  req: PageRequest,
  map: (row: RelatedRow) => T,
): Promise<Connection<T>> {
  const page = await relatedPage(ctx, opts, req).load(parent._eid);
  return toConnection(
    page.map((r) => ({ ...r, item: map(r.item) })),
    req,
    () => relatedCount(ctx, opts).load(parent._eid),
  );
}

/** A root list of one label (themes, territories, events…), ordered by name. */
export async function listConnection(ctx: Context, label: NodeLabel, req: PageRequest, level: string | null = null): Promise<Connection<NodeRow>> {
  const rows = await ctx.db.read<PagedRow<NodeRow>>(listPage, { label, level, ...keysetParams(req, false) });
  return toConnection(rows, req, async () => (await ctx.db.read<{ total: number }>(listCount, { label, level }))[0].total);
}
