import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';

/**
 * The analytics of a returned network, computed on that subgraph only (not the whole graph):
 * truncation to the most connected nodes, degree, Louvain communities (seeded, so the same graph
 * gives the same partition) and betweenness, with graphology's well-kept implementations.
 */
export interface RawEdge {
  s: string;
  t: string;
  type: string;
  weight: number;
}

export interface Analysed {
  /** Kept nodes, most connected first (then by key). */
  nodes: { key: string; degree: number; community: number; betweenness: number }[];
  /** The edges between kept nodes, at most maxEdges of them: the heaviest (then by source, target, type). */
  edges: RawEdge[];
  totalNodes: number;
  truncated: boolean;
  /** The edges between kept nodes before maxEdges. */
  totalEdges: number;
  edgesTruncated: boolean;
  /** Communities by size (desc), then by their most connected member's key; `id` is the index. */
  communities: { id: number; size: number; hub: string }[];
}

/** A small deterministic PRNG (mulberry32), so that Louvain's moves are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const LOUVAIN_SEED = 42;

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Keeps at most `maxNodes` nodes — `pinned` first (a neighbourhood's centre), then the most
 * connected in the whole collected subgraph (degree = number of distinct neighbours, ties by key) —
 * and the edges between kept nodes; then computes degree, community and (when asked) betweenness on
 * what is kept, with all those edges; then returns at most `maxEdges` of the edges, the heaviest (a
 * dense theme's 2,000 allies can share 150,000 pairs: more than a network view can draw, or a
 * request may return).
 */
export function analyse(nodeKeys: Iterable<string>, edges: RawEdge[], maxNodes: number, pinned: string[] = [], withBetweenness = true, maxEdges = Number.MAX_SAFE_INTEGER): Analysed {
  const all = new Set(nodeKeys);
  for (const e of edges) {
    all.add(e.s);
    all.add(e.t);
  }
  const neighbours = (list: RawEdge[]) => {
    const m = new Map<string, Set<string>>();
    for (const k of all) m.set(k, new Set());
    for (const e of list) {
      if (e.s === e.t) continue;
      m.get(e.s)?.add(e.t);
      m.get(e.t)?.add(e.s);
    }
    return m;
  };
  const fullDegree = neighbours(edges);
  const pin = new Set(pinned.filter((p) => all.has(p)));
  const ranked = [...all].sort((a, b) => Number(pin.has(b)) - Number(pin.has(a)) || fullDegree.get(b)!.size - fullDegree.get(a)!.size || byKey(a, b));
  const kept = new Set(ranked.slice(0, maxNodes));
  const keptEdges = edges.filter((e) => kept.has(e.s) && kept.has(e.t));

  // graphology: one undirected simple graph, parallel relationships merged (weights summed),
  // nodes and edges inserted in key order so that the seeded Louvain is reproducible.
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const k of [...kept].sort(byKey)) g.addNode(k);
  for (const e of [...keptEdges].sort((x, y) => byKey(x.s, y.s) || byKey(x.t, y.t) || byKey(x.type, y.type))) {
    if (e.s === e.t) continue;
    if (g.hasEdge(e.s, e.t)) g.updateEdgeAttribute(e.s, e.t, 'weight', (w: number) => w + e.weight);
    else g.addEdge(e.s, e.t, { weight: e.weight });
  }
  const partition = g.size > 0 ? louvain(g, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) }) : Object.fromEntries(g.nodes().map((n, i) => [n, i]));
  // Brandes' betweenness is O(nodes × edges): the costliest step (≈1 s on 2000 nodes), so it is
  // skipped when the client does not select it.
  const betweenness = withBetweenness && g.order > 2 ? betweennessCentrality(g, { normalized: true, getEdgeWeight: null }) : {};
  const degree = (k: string) => g.degree(k);

  // Communities renumbered: by size desc, then by their hub's key; the hub is the most connected member.
  const members = new Map<number, string[]>();
  for (const k of g.nodes()) {
    const c = partition[k];
    const list = members.get(c) ?? [];
    list.push(k);
    members.set(c, list);
  }
  const hubOf = (list: string[]) => [...list].sort((a, b) => degree(b) - degree(a) || byKey(a, b))[0];
  const groups = [...members.values()].map((list) => ({ list, hub: hubOf(list) })).sort((a, b) => b.list.length - a.list.length || byKey(a.hub, b.hub));
  const communityOf = new Map<string, number>();
  groups.forEach((grp, i) => grp.list.forEach((k) => communityOf.set(k, i)));

  const returnedEdges =
    keptEdges.length <= maxEdges
      ? keptEdges
      : [...keptEdges].sort((x, y) => y.weight - x.weight || byKey(x.s, y.s) || byKey(x.t, y.t) || byKey(x.type, y.type)).slice(0, maxEdges);
  return {
    nodes: [...kept]
      .sort((a, b) => degree(b) - degree(a) || byKey(a, b))
      .map((key) => ({ key, degree: degree(key), community: communityOf.get(key)!, betweenness: betweenness[key] ?? 0 })),
    edges: returnedEdges,
    totalNodes: all.size,
    truncated: all.size > kept.size,
    totalEdges: keptEdges.length,
    edgesTruncated: keptEdges.length > maxEdges,
    communities: groups.map((grp, i) => ({ id: i, size: grp.list.length, hub: grp.hub })),
  };
}
