/**
 * Shortest chain between two nodes of an undirected graph that is only known by expanding it: a
 * bidirectional breadth-first search, one `expand` call per level (one Cypher round trip each),
 * always growing the smaller frontier. Deterministic tie rule: among all shortest chains, the one
 * whose nodes, read from `from` to `to`, come first by (key, id) at the first place they differ —
 * i.e. at each step the smallest next node that still lies on a shortest chain.
 */
export interface Neighbour {
  id: string;
  /** Sort key of the tie rule (an ally's folded name). */
  key: string;
}

/**
 * Neighbours of each frontier node not yet in `visited`: a map from frontier id to its neighbours.
 * `target` is the other side's frontier: when some neighbours are in it (the searches meet at this
 * level), an expansion may return only those — they are every meeting node, each with all its
 * parents on this side — and skip reading the rest of the level, which is not needed any more.
 */
export type Expand = (frontier: string[], visited: string[], target: string[]) => Promise<Map<string, Neighbour[]>>;

interface Side {
  /** node → distance from this side's start. */
  dist: Map<string, number>;
  /** node → its neighbours one step closer to this side's start. */
  parents: Map<string, Set<string>>;
  frontier: string[];
  depth: number;
}

const newSide = (start: string): Side => ({ dist: new Map([[start, 0]]), parents: new Map(), frontier: [start], depth: 0 });

/** Node ids from `from` to `to`, or null when they are more than `maxHops` apart. */
export async function shortestPath(from: string, to: string, maxHops: number, expand: Expand): Promise<string[] | null> {
  if (from === to) return [from];
  const fwd = newSide(from);
  const bwd = newSide(to);
  const keys = new Map<string, string>();
  let meets: string[] = [];
  while (fwd.depth + bwd.depth < maxHops && fwd.frontier.length && bwd.frontier.length) {
    const [side, other] = fwd.frontier.length <= bwd.frontier.length ? [fwd, bwd] : [bwd, fwd];
    const next = await expand(side.frontier, [...side.dist.keys()], other.frontier);
    const level = side.depth + 1;
    const newFrontier: string[] = [];
    for (const [parent, neighbours] of next) {
      for (const n of neighbours) {
        keys.set(n.id, n.key);
        const known = side.dist.get(n.id);
        if (known !== undefined && known < level) continue;
        if (known === undefined) {
          side.dist.set(n.id, level);
          newFrontier.push(n.id);
        }
        let ps = side.parents.get(n.id);
        if (!ps) side.parents.set(n.id, (ps = new Set()));
        ps.add(parent);
      }
    }
    side.frontier = newFrontier;
    side.depth = level;
    meets = newFrontier.filter((id) => other.dist.has(id));
    if (meets.length) break;
  }
  if (!meets.length) return null;

  // The nodes on shortest chains, each with its successors towards `to`.
  const successors = new Map<string, Set<string>>();
  const link = (u: string, v: string) => {
    let s = successors.get(u);
    if (!s) successors.set(u, (s = new Set()));
    s.add(v);
  };
  const seenF = new Set<string>();
  const walkF = (v: string) => {
    if (seenF.has(v)) return;
    seenF.add(v);
    for (const u of fwd.parents.get(v) ?? []) {
      link(u, v);
      walkF(u);
    }
  };
  const seenB = new Set<string>();
  const walkB = (u: string) => {
    if (seenB.has(u)) return;
    seenB.add(u);
    for (const v of bwd.parents.get(u) ?? []) {
      link(u, v);
      walkB(v);
    }
  };
  for (const m of meets) {
    walkF(m);
    walkB(m);
  }
  const order = (x: string, y: string) => {
    const kx = keys.get(x) ?? '';
    const ky = keys.get(y) ?? '';
    return kx < ky ? -1 : kx > ky ? 1 : x < y ? -1 : x > y ? 1 : 0;
  };
  const path = [from];
  let at = from;
  while (at !== to) {
    const candidates = [...(successors.get(at) ?? [])].sort(order);
    at = candidates[0];
    path.push(at);
  }
  return path;
}
