import neo4j from 'neo4j-driver';
import type { Context } from '../../context';
import { cypherQuery, CypherQuery, shapedQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { fromGlobalId, toGlobalId } from '../../common/relay';
import { nodeById, privacyParams } from '../node/node.repository';
import { typeOfRow } from '../node/node.types';
import { pairsFromContexts } from './collaboration';
import { analyse, RawEdge } from './graph-metrics';
import { assertFilterReferences, FilterReferences, networkFilterParams, NetworkFilterParams, networkStart, NetworkStart, presentConditions } from './network.filter';
import type { Network, NetworkFilter } from './network.types';
import { NetworkProjection } from './network.types';

export const MAX_NETWORK_NODES = 2000;
export const DEFAULT_NETWORK_NODES = 500;
/** Edges a network returns at most (the heaviest): its `maxEdges` argument's bound and default. */
export const MAX_NETWORK_EDGES = 50_000;
export const DEFAULT_NETWORK_EDGES = 10_000;
export const MAX_DEPTH = 3;
/**
 * When a filter matches more allies than this many times maxNodes, only that many (those with the
 * most relationships) are read to build the network: truncation keeps the most connected anyway.
 */
export const READ_FACTOR = 2;
/** A neighbourhood stops growing once it has reached this many nodes (then it is truncated). */
export const NEIGHBOURHOOD_CAP = 20000;

/** The query file of each start; its shape (the residual conditions present) is chosen per request. */
const START_FILES: Record<NetworkStart, string> = {
  chantier: 'network/allies-from-chantier',
  objective: 'network/allies-from-objective',
  themes: 'network/allies-from-themes',
  territory: 'network/allies-from-territory',
  all: 'network/allies-all',
};

/** Parameters of the types the API sends: warm-up plans each start's bare shape with them. */
const START_SAMPLE = { f: networkFilterParams(undefined), cap: neo4j.int(0), canSeePrivate: false };

/** The start query of a filter's shape: its start, and the other conditions it has as residuals. */
export function networkStartQuery(f: NetworkFilterParams): CypherQuery {
  const start = networkStart(f);
  return shapedQuery(START_FILES[start], presentConditions(f, [start]), START_SAMPLE);
}
for (const file of Object.values(START_FILES)) shapedQuery(file, [], START_SAMPLE); // bound at load, planned by warm-up
const edgesBipartiteFromAllies = cypherQuery('network/edges-bipartite-from-allies');
const edgesBipartiteAmong = cypherQuery('network/edges-bipartite-among');
const edgesCollaborationAmong = cypherQuery('network/edges-collaboration-among');
const neighboursBipartite = cypherQuery('network/neighbours-bipartite');
const neighboursCollaboration = cypherQuery('network/neighbours-collaboration');
const describeNodes = cypherQuery('network/describe-nodes');

export const COLLABORATES_WITH = 'COLLABORATES_WITH';

/** maxNodes as given, checked before any Cypher runs. */
export function maxNodesArgument(n: number | undefined): number {
  const v = n ?? DEFAULT_NETWORK_NODES;
  if (!Number.isInteger(v) || v < 1 || v > MAX_NETWORK_NODES) {
    throw new BadUserInputError(`maxNodes: must be between 1 and ${MAX_NETWORK_NODES} (got ${v}); narrow the filter to see a part of the network in full`, 'maxNodes');
  }
  return v;
}

/** maxEdges as given, checked before any Cypher runs. */
export function maxEdgesArgument(n: number | undefined): number {
  const v = n ?? DEFAULT_NETWORK_EDGES;
  if (!Number.isInteger(v) || v < 1 || v > MAX_NETWORK_EDGES) {
    throw new BadUserInputError(`maxEdges: must be between 1 and ${MAX_NETWORK_EDGES} (got ${v}); the heaviest edges are returned, \`totalEdges\` says how many there are`, 'maxEdges');
  }
  return v;
}

/** depth as given, checked before any Cypher runs. */
export function depthArgument(d: number | undefined): number {
  const v = d ?? 1;
  if (!Number.isInteger(v) || v < 1 || v > MAX_DEPTH) {
    throw new BadUserInputError(`depth: must be between 1 and ${MAX_DEPTH} (got ${v})`, 'depth');
  }
  return v;
}

interface StartRow extends FilterReferences {
  total: number;
  allies: string[];
}

/** The allies (element ids) a filter selects, at most `cap` of them (the most connected), and how many match. */
export async function selectNetworkAllies(ctx: Context, f: NetworkFilterParams, cap: number): Promise<{ total: number; allies: string[] }> {
  const [r] = await ctx.db.read<StartRow>(networkStartQuery(f), { f, cap: neo4j.int(cap), ...privacyParams(ctx) });
  assertFilterReferences(r, f);
  return { total: r.total, allies: r.allies };
}

/** The arguments of `network`, validated before any Cypher runs. */
export function networkArguments(filter: NetworkFilter | undefined, maxNodes: number | undefined, maxEdges?: number) {
  return { f: networkFilterParams(filter), maxNodes: maxNodesArgument(maxNodes), maxEdges: maxEdgesArgument(maxEdges) };
}

/** A network of the allies a filter selects, in the given projection, with its analytics. */
export async function buildNetwork(ctx: Context, f: NetworkFilterParams, maxNodes: number, projection: NetworkProjection, betweenness = true, maxEdges = DEFAULT_NETWORK_EDGES): Promise<Network> {
  const { total, allies } = await selectNetworkAllies(ctx, f, READ_FACTOR * maxNodes);
  if (!allies.length) return finish(ctx, [], [], maxNodes, [], 0, betweenness, maxEdges);
  if (projection === NetworkProjection.COLLABORATION) {
    const edges = await collaborationEdges(ctx, allies);
    return finish(ctx, allies, edges, maxNodes, [], total - allies.length, betweenness, maxEdges);
  }
  const rows = await ctx.db.read<{ s: string; t: string; type: string }>(edgesBipartiteFromAllies, { eids: allies, ...privacyParams(ctx) });
  return finish(ctx, allies, rows.map((r) => ({ ...r, weight: 1 })), maxNodes, [], total - allies.length, betweenness, maxEdges);
}

/** The nodes around one node, up to `depth` steps, in the given projection; null when it is not visible. */
export async function buildNeighbourhood(ctx: Context, globalId: string, depth: number, maxNodes: number, projection: NetworkProjection, betweenness = true, maxEdges = DEFAULT_NETWORK_EDGES): Promise<Network | null> {
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(`id: "${globalId}" is not a global id; use an id returned by the API`, 'id');
  const centre = await nodeById(ctx).load(parsed.id);
  if (!centre || typeOfRow(centre) !== parsed.type) return null;
  const collaboration = projection === NetworkProjection.COLLABORATION;
  if (collaboration && parsed.type !== 'Ally') {
    throw new BadUserInputError(`id: the COLLABORATION projection joins allies only; give an ally's id, or use BIPARTITE around a ${parsed.type}`, 'id');
  }
  const visited = new Set([centre._eid]);
  let frontier = [centre._eid];
  let capped = false;
  for (let level = 0; level < depth && frontier.length && !capped; level++) {
    const rows = await ctx.db.read<{ eid: string }>(collaboration ? neighboursCollaboration : neighboursBipartite, { eids: frontier, visited: [...visited], ...privacyParams(ctx) });
    frontier = [];
    for (const r of rows) {
      if (visited.size >= NEIGHBOURHOOD_CAP) {
        capped = true;
        break;
      }
      if (!visited.has(r.eid)) {
        visited.add(r.eid);
        frontier.push(r.eid);
      }
    }
  }
  const eids = [...visited];
  const edges = collaboration
    ? await collaborationEdges(ctx, eids)
    : (await ctx.db.read<{ s: string; t: string; type: string }>(edgesBipartiteAmong, { eids, ...privacyParams(ctx) })).map((r) => ({ ...r, weight: 1 }));
  return finish(ctx, eids, edges, maxNodes, [centre._eid], 0, betweenness, maxEdges);
}

async function collaborationEdges(ctx: Context, eids: string[]): Promise<RawEdge[]> {
  const rows = await ctx.db.read<{ members: number[] }>(edgesCollaborationAmong, { eids, ...privacyParams(ctx) });
  return pairsFromContexts(rows.map((r) => r.members), eids.length).map((p) => ({ s: eids[p.s], t: eids[p.t], type: COLLABORATES_WITH, weight: p.weight }));
}

interface Described {
  eid: string;
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}

/** Truncates and analyses, then describes the kept nodes (one more round trip) with global ids. */
async function finish(ctx: Context, nodes: string[], edges: RawEdge[], maxNodes: number, pinned: string[], unread: number, betweenness: boolean, maxEdges: number): Promise<Network> {
  const a = analyse(nodes, edges, maxNodes, pinned, betweenness, maxEdges);
  const rows = a.nodes.length ? await ctx.db.read<Described>(describeNodes, { eids: a.nodes.map((n) => n.key) }) : [];
  const byEid = new Map(rows.map((r) => [r.eid, r]));
  const globalOf = new Map<string, string>();
  const labelOf = new Map<string, string>();
  for (const r of rows) {
    globalOf.set(r.eid, toGlobalId(typeOfRow({ _eid: r.eid, _labels: r.labels, id: r.id }), r.id));
    labelOf.set(r.eid, String(r.props.name ?? r.props.title ?? r.props.ref ?? r.props.code ?? ''));
  }
  const rawId = (eid: string) => byEid.get(eid)?.id ?? eid;
  return {
    nodes: a.nodes.map((n) => {
      const r = byEid.get(n.key)!;
      return {
        id: globalOf.get(n.key)!,
        type: typeOfRow({ _eid: r.eid, _labels: r.labels, id: r.id }),
        label: labelOf.get(n.key)!,
        attributes: attributesOf(r.props),
        degree: n.degree,
        community: n.community,
        betweenness: n.betweenness,
      };
    }),
    edges: a.edges
      .map((e) => {
        // A collaboration has no direction: it reads from the lower id to the higher.
        const [s, t] = e.type === COLLABORATES_WITH && rawId(e.t) < rawId(e.s) ? [e.t, e.s] : [e.s, e.t];
        return { id: `${e.type}:${rawId(s)}:${rawId(t)}`, source: globalOf.get(s)!, target: globalOf.get(t)!, type: e.type, weight: e.weight };
      })
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    truncated: a.truncated || unread > 0,
    totalNodes: a.totalNodes + unread,
    edgesTruncated: a.edgesTruncated,
    totalEdges: a.totalEdges,
    communities: a.communities.map((c) => ({ id: c.id, size: c.size, label: labelOf.get(c.hub)! })),
  };
}

function attributesOf(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['slug', 'ref', 'code', 'kind', 'organizationType', 'level', 'status']) if (props[k] != null) out[k] = props[k];
  const loc = props.location as { latitude?: number; longitude?: number } | null | undefined;
  if (loc && typeof loc.latitude === 'number') {
    out.latitude = loc.latitude;
    out.longitude = loc.longitude;
  }
  return out;
}
