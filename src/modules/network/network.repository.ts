import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { Context, loader } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { Connection, PageRequest, toConnection } from '../../common/relay';
import { keysetParams, nodeById, nodeByKey, NodeRow, privacyParams } from '../node/node.repository';
import { compareContexts } from './collaboration';
import { Neighbour, shortestPath } from './shortest-path';
import { SuggestionParts, suggestionReasons } from './suggestions';

/** Parameters of the types the API sends (warm-up plans both texts with them). */
const COLLABORATORS_SAMPLE = { eids: ['-'], theme: null, afterWeight: null, afterName: null, afterId: null, limit: neo4j.int(21), canSeePrivate: false, canSeeEmails: false };
const collaboratorsPage = cypherQuery('network/collaborators-page', COLLABORATORS_SAMPLE);
const collaboratorsPageOnly = cypherQuery('network/collaborators-page-only', COLLABORATORS_SAMPLE);

export interface CollaboratorRow {
  ally: NodeRow;
  weight: number;
  via: NodeRow[];
}

interface CollaboratorsResult {
  themeExists: boolean;
  /** Null when not asked for (collaborators-page-only). */
  total: number | null;
  rows: { sortKey: string; id: string; item: CollaboratorRow }[];
}

/** The order of Ally.collaborators, as written in cursors. */
export const COLLABORATORS_ORDER = 'WEIGHT:DESC';

/** A cursor's sort key: inverted zero-padded weight (10 digits), ':', the collaborator's sortName. */
const SORT_KEY = /^(\d{10}):([\s\S]*)$/;

/** The keyset of a page of collaborators: the cursor's key read back into (weight, name), and the page size. */
export function collaboratorsKeyset(req: PageRequest) {
  const { afterKey, afterId, limit } = keysetParams(req, false);
  if (afterKey === null) return { afterWeight: null, afterName: null, afterId: null, limit };
  const m = SORT_KEY.exec(afterKey);
  if (!m || afterId === null) throw new BadUserInputError('after: not a cursor of these collaborators; use an endCursor returned by Ally.collaborators', 'after');
  return { afterWeight: neo4j.int(1_000_000_000 - Number(m[1])), afterName: m[2], afterId, limit };
}

/**
 * A page of an ally's collaborators, batched across the parent allies of one request level; with
 * their total when `withTotal` (totalCount selected), else without making the list of every
 * collaborator that counting needs (a hub's 65,000).
 */
export async function collaboratorsConnection(ctx: Context, ally: NodeRow, theme: string | null, req: PageRequest, withTotal = true): Promise<Connection<CollaboratorRow>> {
  const keyset = collaboratorsKeyset(req);
  const name = `collaborators:${JSON.stringify([theme, req, withTotal])}`;
  const batch = loader(ctx, name, () =>
    new DataLoader<string, CollaboratorsResult>(async (eids) => {
      const rows = await ctx.db.read<{ parent: string; themeExists: boolean; total: number | null; rows: (CollaboratorRow & { sortKey: string; id: string })[] }>(
        withTotal ? collaboratorsPage : collaboratorsPageOnly,
        { eids, theme, ...keyset, ...privacyParams(ctx) },
      );
      const map = new Map(rows.map((r) => [r.parent, r]));
      return eids.map((eid) => {
        const r = map.get(eid);
        return {
          themeExists: r?.themeExists ?? true,
          total: r ? r.total : 0,
          rows: (r?.rows ?? []).map((x) => ({ sortKey: x.sortKey, id: x.id, item: { ally: x.ally, weight: x.weight, via: [...x.via].sort(compareContexts) } })),
        };
      });
    }),
  );
  const result = await batch.load(ally._eid);
  if (!result.themeExists) throw new BadUserInputError(`theme: unknown theme "${theme}"`, 'theme');
  // A total not read with the page (its selection was not seen) costs one more query.
  return toConnection(result.rows, req, async () => result.total ?? (await (await collaboratorsConnection(ctx, ally, theme, req, true)).count()));
}

const collaborationFrontier = cypherQuery('network/collaboration-frontier', { ids: [] as string[], other: [] as string[], canSeePrivate: false }); // sample: planned by warm-up
const sharedContexts = cypherQuery('network/shared-contexts');

export const MAX_HOPS = 6;
/**
 * Each BFS level first reads the contexts of the other side's frontier, to read only where the
 * searches meet (collaboration-frontier.cypher) — up to this many allies; past it the check would
 * cost more than it saves, and the level is read whole.
 */
export const MEET_CHECK_MAX = 20_000;

/** maxHops as given, checked before any Cypher runs. */
export function maxHopsArgument(maxHops: number | undefined): number {
  const n = maxHops ?? MAX_HOPS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_HOPS) {
    throw new BadUserInputError(`maxHops: must be between 1 and ${MAX_HOPS} (got ${n}); longer chains say little about who works with whom`, 'maxHops');
  }
  return n;
}

export interface PathStepRow {
  ally: NodeRow;
  via: NodeRow[];
}

/**
 * One BFS level read by context (collaboration-frontier.cypher: per context, the frontier allies in
 * it and all its visible members) as each frontier ally's neighbours not reached yet.
 */
export function frontierNeighbours(rows: { from: string[]; members: Neighbour[] }[], visited: string[]): Map<string, Neighbour[]> {
  const reached = new Set(visited);
  const next = new Map<string, Neighbour[]>();
  for (const r of rows) {
    const fresh = r.members.filter((m) => !reached.has(m.id));
    if (!fresh.length) continue;
    for (const f of r.from) {
      const list = next.get(f) ?? [];
      for (const m of fresh) if (m.id !== f) list.push(m);
      next.set(f, list);
    }
  }
  return next;
}

/**
 * The shortest collaboration chain between two visible allies (by slug), as steps, or null when
 * they are more than `maxHops` collaborations apart. One round trip for the endpoints, one per BFS
 * level (bidirectional, see shortest-path.ts; each level read by context, the meeting level only
 * where the searches meet), one for the steps' shared contexts.
 */
export async function collaborationPath(ctx: Context, fromSlug: string, toSlug: string, maxHops: number): Promise<PathStepRow[] | null> {
  const byKey = nodeByKey(ctx, 'Ally');
  const [from, to] = await Promise.all([byKey.load(fromSlug), byKey.load(toSlug)]);
  if (!from) throw new BadUserInputError(`from: unknown ally "${fromSlug}"`, 'from');
  if (!to) throw new BadUserInputError(`to: unknown ally "${toSlug}"`, 'to');
  const ids = await shortestPath(from.id, to.id, maxHops, async (frontier, visited, target) => {
    const other = target.length <= MEET_CHECK_MAX ? target : [];
    const rows = await ctx.db.read<{ from: string[]; members: Neighbour[] }>(collaborationFrontier, { ids: frontier, other, ...privacyParams(ctx) });
    return frontierNeighbours(rows, visited);
  });
  if (!ids) return null;
  if (ids.length === 1) return [{ ally: from, via: [] }];
  const pairs = ids.slice(1).map((b, i) => ({ a: ids[i], b }));
  const rows = await ctx.db.read<{ a: string; b: string; via: NodeRow[] }>(sharedContexts, { pairs, ...privacyParams(ctx) });
  const viaOf = new Map(rows.map((r) => [`${r.a}>${r.b}`, [...r.via].sort(compareContexts)]));
  const allies = await nodeById(ctx).loadMany(ids);
  return ids.map((id, i) => {
    const ally = allies[i];
    // A load that failed (the request's budget ran out) fails the path with its own error.
    if (ally instanceof Error) throw ally;
    if (!(ally && 'id' in ally)) throw new Error(`ally ${id} of a path vanished`);
    return { ally, via: i === 0 ? [] : viaOf.get(`${ids[i - 1]}>${id}`) ?? [] };
  });
}

const suggestedCollaboratorsQuery = cypherQuery('network/suggested-collaborators');
export const MAX_SUGGESTIONS = 50;
export const DEFAULT_SUGGESTIONS = 10;

export function suggestionsFirstArgument(first: number | undefined): number {
  const n = first ?? DEFAULT_SUGGESTIONS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SUGGESTIONS) throw new BadUserInputError(`first: must be between 1 and ${MAX_SUGGESTIONS} (got ${n})`, 'first');
  return n;
}

export interface SuggestionRow {
  ally: NodeRow;
  score: number;
  reasons: string[];
}

/** Suggested collaborators of an ally, batched across the parent allies of one request level. */
export async function suggestedCollaborators(ctx: Context, ally: NodeRow, first: number): Promise<SuggestionRow[]> {
  const batch = loader(ctx, `suggestedCollaborators:${first}`, () =>
    new DataLoader<string, SuggestionRow[]>(async (eids) => {
      const rows = await ctx.db.read<{ parent: string; suggestions: (SuggestionParts & { ally: NodeRow; score: number })[] }>(suggestedCollaboratorsQuery, {
        eids,
        limit: neo4j.int(first),
        ...privacyParams(ctx),
      });
      const map = new Map(rows.map((r) => [r.parent, r.suggestions]));
      return eids.map((eid) =>
        (map.get(eid) ?? []).map((s) => ({ ally: s.ally, score: Math.round(s.score * 1000) / 1000, reasons: suggestionReasons(s) })),
      );
    }),
  );
  return batch.load(ally._eid);
}
