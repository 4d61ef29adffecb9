import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { write as writeGexf } from 'graphology-gexf';
import type { Network } from '../../modules/network/network.types';
import type { ColorBy } from './export-params';

/**
 * The network exports (GEXF 1.3 for Gephi, Graphology's serialisation for sigma.js and Gephi Lite),
 * built from the `network` query's own answer (same selection, privacy, truncation to maxNodes and
 * analytics), laid out server-side by ForceAtlas2 from a seeded placement: the same graph gives the
 * same file. A network holds at most maxNodes (≤ 2000) nodes, so it is built in memory.
 *
 * Attribute names avoid sigma's reserved `type` (it picks a node or edge program): the object's type
 * is `nodeType`, the relationship's `relType`.
 */

/** One colour per node type (Gephi and sigma take CSS hex). */
export const TYPE_COLORS: Readonly<Record<string, string>> = {
  Ally: '#2e7d32',
  Chantier: '#ef6c00',
  Theme: '#1565c0',
  Territory: '#8d6e63',
  CharterObjective: '#6a1b9a',
  LearningCommunity: '#00838f',
};
const OTHER_COLOR = '#757575';

/** Tableau 10: distinct colours for the largest communities (0 is the largest); the rest share grey. */
export const COMMUNITY_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** A node's size from its degree (area grows with it). */
export function sizeOf(degree: number): number {
  return Math.round((3 + 2 * Math.sqrt(degree)) * 100) / 100;
}

/** mulberry32: a small seeded PRNG, so the initial placement (hence the layout) is the same every time. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const LAYOUT_SEED = 12;

/** The network as a graphology graph with label, x, y, size, color and the node's attributes; laid out. */
export function networkGraph(network: Network, colorBy: ColorBy, collaboration: boolean): Graph {
  const graph = new Graph({ type: collaboration ? 'undirected' : 'directed', multi: true, allowSelfLoops: false });
  const random = seededRandom(LAYOUT_SEED);
  for (const n of network.nodes) {
    graph.addNode(n.id, {
      label: n.label,
      x: random() * 100,
      y: random() * 100,
      size: sizeOf(n.degree),
      color: colorBy === 'community' ? (COMMUNITY_COLORS[n.community] ?? OTHER_COLOR) : (TYPE_COLORS[n.type] ?? OTHER_COLOR),
      nodeType: n.type,
      degree: n.degree,
      community: n.community,
      ...n.attributes,
    });
  }
  for (const e of network.edges) {
    if (graph.hasNode(e.source) && graph.hasNode(e.target)) graph.addEdgeWithKey(e.id, e.source, e.target, { relType: e.type, weight: e.weight, label: e.type });
  }
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, edgeWeightInfluence: 1 };
    forceAtlas2.assign(graph, { iterations: graph.order > 1000 ? 100 : 200, settings, getEdgeWeight: 'weight' });
    graph.forEachNode((key, a) => graph.mergeNodeAttributes(key, { x: Math.round(a.x * 1000) / 1000, y: Math.round(a.y * 1000) / 1000 }));
  }
  graph.setAttribute('name', 'Archipel network');
  graph.setAttribute('truncated', network.truncated);
  graph.setAttribute('totalNodes', network.totalNodes);
  return graph;
}

/** GEXF 1.3: node attributes (type, degree, community…), viz:color, viz:size, viz:position; edge weights. */
export function toGexf(graph: Graph): string {
  return writeGexf(graph, {
    version: '1.3',
    pretty: false,
    formatNode: (_key, a) => {
      const { label, x, y, size, color, ...attributes } = a as Record<string, unknown>;
      return { label: String(label), attributes, viz: { color: String(color), size: Number(size), x: Number(x), y: Number(y) } };
    },
    formatEdge: (_key, a) => {
      const { weight, label, ...attributes } = a as Record<string, unknown>;
      return { label: String(label), weight: Number(weight), attributes };
    },
  });
}
