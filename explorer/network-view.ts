import Graph from 'graphology';
import Sigma from 'sigma';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { NetworkData } from './api';

/**
 * The network view: the API's `network` as a graphology graph drawn by sigma.js (WebGL), nodes
 * coloured by type or by Louvain community, sized by degree, laid out by ForceAtlas2 in the browser
 * (synchronously for small graphs, in a Web Worker for larger ones, so the page stays usable).
 */

export type ColourBy = 'type' | 'community';

/** One colour per GraphQL type (NetworkNode.type); persons and organisations apart. */
export const TYPE_COLOURS: Record<string, string> = {
  Organisation: '#2f7d4f',
  Personne: '#8fc46a',
  Chantier: '#e07b24',
  Thème: '#7a5ba6',
  Territoire: '#3b78b8',
  'Objectif de la Charte': '#c43c5c',
  'Communauté apprenante': '#1c9a9a',
  Autre: '#888888',
};

const COMMUNITY_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f', '#393b79', '#637939'];

/** The legend category of a node: its type in French, allies split by kind. */
export function category(type: string, attributes: Record<string, unknown>): string {
  switch (type) {
    case 'Ally':
      return attributes.kind === 'PERSON' ? 'Personne' : 'Organisation';
    case 'Chantier':
      return 'Chantier';
    case 'Theme':
      return 'Thème';
    case 'Territory':
      return 'Territoire';
    case 'CharterObjective':
      return 'Objectif de la Charte';
    case 'LearningCommunity':
      return 'Communauté apprenante';
    default:
      return 'Autre';
  }
}

export const communityColour = (c: number): string => COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length];

/** A position in [0, 1)² from the node id, so that the same graph is laid out the same way. */
function seededPosition(id: string): { x: number; y: number } {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const a = (h >>> 0) / 2 ** 32;
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  const b = (h >>> 0) / 2 ** 32;
  return { x: a, y: b };
}

/** Graphs up to this size are laid out synchronously (well under 100 ms); larger ones in a worker. */
const SYNC_LAYOUT_MAX_NODES = 400;

export interface NetworkViewEvents {
  onNodeClick(id: string): void;
  onStageClick(): void;
  onLayoutDone(): void;
}

export class NetworkView {
  readonly graph = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  private renderer: Sigma | null = null;
  private layout: FA2Layout | null = null;
  private layoutTimer: number | undefined;
  private colourBy: ColourBy = 'type';
  private selected: string | null = null;
  private neighbours = new Set<string>();
  private pathNodes = new Set<string>();
  private pathEdges = new Set<string>();
  private hovered: string | null = null;
  layoutRunning = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: NetworkViewEvents,
  ) {}

  /** Replaces the graph with `data`, draws it and lays it out. */
  show(data: NetworkData, colourBy: ColourBy): void {
    this.stopLayout();
    this.colourBy = colourBy;
    this.selected = null;
    this.neighbours.clear();
    this.clearPath();
    const g = this.graph;
    g.clear();
    const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree));
    for (const n of data.nodes) {
      const cat = category(n.type, n.attributes);
      g.addNode(n.id, {
        ...seededPosition(n.id),
        label: n.label,
        size: 3 + 12 * Math.sqrt(n.degree / maxDegree),
        gqlType: n.type,
        category: cat,
        community: n.community,
        degree: n.degree,
        slug: n.attributes.slug ?? null,
        color: this.colourOf(cat, n.community),
      });
    }
    for (const e of data.edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target || g.hasEdge(e.id)) continue;
      g.addEdgeWithKey(e.id, e.source, e.target, { weight: e.weight, relType: e.type, size: Math.min(4, 0.6 + 0.4 * e.weight), color: '#c9ccd1' });
    }
    if (!this.renderer) {
      this.renderer = new Sigma(g, this.container, {
        zIndex: true,
        labelRenderedSizeThreshold: 7,
        labelDensity: 0.5,
        defaultEdgeColor: '#c9ccd1',
        // While the camera moves, only the nodes are drawn: panning and zooming 2000 nodes stay smooth.
        hideEdgesOnMove: true,
        hideLabelsOnMove: true,
        // The container is hidden (no width) while the map shows; a selection made there still updates the graph.
        allowInvalidContainer: true,
        nodeReducer: (node, attrs) => this.reduceNode(node, attrs),
        edgeReducer: (edge, attrs) => this.reduceEdge(edge, attrs),
      });
      this.renderer.on('clickNode', ({ node }) => this.events.onNodeClick(node));
      this.renderer.on('clickStage', () => this.events.onStageClick());
      this.renderer.on('enterNode', ({ node }) => {
        this.hovered = node;
        this.container.style.cursor = 'pointer';
        this.renderer?.refresh({ skipIndexation: true });
      });
      this.renderer.on('leaveNode', () => {
        this.hovered = null;
        this.container.style.cursor = '';
        this.renderer?.refresh({ skipIndexation: true });
      });
    }
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.runLayout();
  }

  private runLayout(): void {
    const g = this.graph;
    if (g.order === 0) return this.layoutDone();
    const settings = { ...forceAtlas2.inferSettings(g), edgeWeightInfluence: 1 };
    if (g.order <= SYNC_LAYOUT_MAX_NODES) {
      forceAtlas2.assign(g, { iterations: 300, settings, getEdgeWeight: 'weight' });
      return this.layoutDone();
    }
    this.layoutRunning = true;
    this.layout = new FA2Layout(g, { settings, getEdgeWeight: 'weight' });
    this.layout.start();
    // Long enough to settle a graph of 2000 nodes; the view is usable meanwhile.
    this.layoutTimer = window.setTimeout(() => this.stopLayout(true), Math.min(6000, 1500 + 2 * g.order));
  }

  private stopLayout(done = false): void {
    window.clearTimeout(this.layoutTimer);
    if (this.layout) {
      this.layout.kill();
      this.layout = null;
    }
    if (done) this.layoutDone();
  }

  private layoutDone(): void {
    this.layoutRunning = false;
    this.renderer?.refresh();
    this.events.onLayoutDone();
  }

  private colourOf(cat: string, community: number): string {
    return this.colourBy === 'community' ? communityColour(community) : (TYPE_COLOURS[cat] ?? TYPE_COLOURS.Autre);
  }

  setColourBy(by: ColourBy): void {
    this.colourBy = by;
    this.graph.updateEachNodeAttributes((_n, a) => ({ ...a, color: this.colourOf(a.category, a.community) }));
  }

  /** Selects a node (its neighbours stay lit, the rest fades), or none. */
  select(id: string | null, focus = false): void {
    this.selected = id && this.graph.hasNode(id) ? id : null;
    this.neighbours = new Set(this.selected ? this.graph.neighbors(this.selected) : []);
    if (this.selected && focus) this.focus(this.selected);
    this.renderer?.refresh({ skipIndexation: true });
  }

  focus(id: string): void {
    const d = this.renderer?.getNodeDisplayData(id);
    if (d) this.renderer?.getCamera().animate({ x: d.x, y: d.y, ratio: 0.4 }, { duration: 400 });
  }

  /** Lights a chain of nodes and the edges between consecutive ones; returns how many of them the view holds. */
  showPath(chain: string[]): number {
    this.clearPath();
    const g = this.graph;
    for (const id of chain) if (g.hasNode(id)) this.pathNodes.add(id);
    for (let i = 1; i < chain.length; i++) {
      const [a, b] = [chain[i - 1], chain[i]];
      if (g.hasNode(a) && g.hasNode(b)) for (const e of g.edges(a, b)) this.pathEdges.add(e);
    }
    this.renderer?.refresh({ skipIndexation: true });
    return this.pathNodes.size;
  }

  /** The lit chain's nodes and edges (for tests and the console). */
  highlightedPath(): { nodes: string[]; edges: string[] } {
    return { nodes: [...this.pathNodes], edges: [...this.pathEdges] };
  }

  clearPath(): void {
    this.pathNodes.clear();
    this.pathEdges.clear();
    this.renderer?.refresh({ skipIndexation: true });
  }

  /** A node's position in the page (CSS pixels, for tests and the console), or null. */
  nodePagePosition(id: string): { x: number; y: number } | null {
    if (!this.renderer || !this.graph.hasNode(id)) return null;
    const a = this.graph.getNodeAttributes(id);
    const p = this.renderer.graphToViewport({ x: a.x, y: a.y });
    const box = this.container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  resize(): void {
    this.renderer?.resize();
    this.renderer?.refresh();
  }

  private reduceNode(node: string, attrs: Record<string, any>): Record<string, any> {
    const res: Record<string, any> = { ...attrs };
    if (this.pathNodes.size) {
      if (this.pathNodes.has(node)) {
        res.highlighted = true;
        res.zIndex = 2;
        res.forceLabel = true;
      } else {
        res.color = '#e4e6e9';
        res.label = '';
        res.zIndex = 0;
      }
    } else if (this.selected) {
      if (node === this.selected) {
        res.highlighted = true;
        res.zIndex = 2;
      } else if (this.neighbours.has(node)) {
        res.zIndex = 1;
        res.forceLabel = true;
      } else {
        res.color = '#e4e6e9';
        res.label = '';
        res.zIndex = 0;
      }
    }
    if (node === this.hovered) res.highlighted = true;
    return res;
  }

  private reduceEdge(edge: string, attrs: Record<string, any>): Record<string, any> {
    const res: Record<string, any> = { ...attrs };
    if (this.pathNodes.size) {
      if (this.pathEdges.has(edge)) {
        res.color = '#d62728';
        res.size = 4;
        res.zIndex = 2;
      } else res.hidden = true;
    } else if (this.selected) {
      const [s, t] = this.graph.extremities(edge);
      if (s === this.selected || t === this.selected) {
        res.color = '#6b7280';
        res.zIndex = 1;
      } else res.hidden = true;
    }
    return res;
  }
}
