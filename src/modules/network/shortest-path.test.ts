import { Expand, shortestPath } from './shortest-path';

/** An in-memory undirected graph as an Expand, counting its calls (one per BFS level). */
function graph(edges: [string, string][]) {
  const adj = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (!adj.has(a)) adj.set(a, new Set());
    if (!adj.has(b)) adj.set(b, new Set());
    adj.get(a)!.add(b);
    adj.get(b)!.add(a);
  }
  const calls: string[][] = [];
  const expand: Expand = async (frontier, visited) => {
    calls.push(frontier);
    const v = new Set(visited);
    return new Map(frontier.map((f) => [f, [...(adj.get(f) ?? [])].filter((n) => !v.has(n)).map((id) => ({ id, key: id }))]));
  };
  /** As collaboration-frontier.cypher does: when the level meets the other side's frontier, only the meeting nodes. */
  const meetOnly: Expand = async (frontier, visited, target) => {
    const all = await expand(frontier, visited, target);
    const t = new Set(target);
    const meeting = new Map([...all].map(([f, ns]) => [f, ns.filter((n) => t.has(n.id))]));
    return [...meeting.values()].some((ns) => ns.length) ? meeting : all;
  };
  return { expand, meetOnly, calls };
}

describe('shortestPath', () => {
  it('finds a 3-hop chain', async () => {
    const g = graph([['a', 'b'], ['b', 'c'], ['c', 'd'], ['a', 'x'], ['x', 'y']]);
    await expect(shortestPath('a', 'd', 6, g.expand)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect(g.calls.length).toBeLessThanOrEqual(3);
  });

  it('is null beyond maxHops, or between components', async () => {
    const g = graph([['a', 'b'], ['b', 'c'], ['c', 'd'], ['e', 'f']]);
    await expect(shortestPath('a', 'd', 2, g.expand)).resolves.toBeNull();
    await expect(shortestPath('a', 'f', 6, g.expand)).resolves.toBeNull();
  });

  it('breaks ties by the first differing node, in key order, from `from`', async () => {
    // a-m-z and a-b-z and a-c-z, and a longer a-0-1-z: b wins.
    const g = graph([['a', 'm'], ['m', 'z'], ['a', 'c'], ['c', 'z'], ['a', 'b'], ['b', 'z'], ['a', '0'], ['0', '1'], ['1', 'z']]);
    await expect(shortestPath('a', 'z', 6, g.expand)).resolves.toEqual(['a', 'b', 'z']);
    // a tie decided late: a-p-q-z and a-p-r-z (q < r), and a-s-b-z (p < s)
    const h = graph([['a', 'p'], ['p', 'r'], ['r', 'z'], ['p', 'q'], ['q', 'z'], ['a', 's'], ['s', 'b'], ['b', 'z']]);
    await expect(shortestPath('a', 'z', 6, h.expand)).resolves.toEqual(['a', 'p', 'q', 'z']);
    await expect(shortestPath('z', 'a', 6, h.expand)).resolves.toEqual(['z', 'b', 's', 'a']);
  });

  it('finds the same chains when the meeting level returns only the meeting nodes', async () => {
    const g = graph([['a', 'm'], ['m', 'z'], ['a', 'c'], ['c', 'z'], ['a', 'b'], ['b', 'z'], ['a', '0'], ['0', '1'], ['1', 'z']]);
    await expect(shortestPath('a', 'z', 6, g.meetOnly)).resolves.toEqual(['a', 'b', 'z']);
    const h = graph([['a', 'p'], ['p', 'r'], ['r', 'z'], ['p', 'q'], ['q', 'z'], ['a', 's'], ['s', 'b'], ['b', 'z'], ['z', 'w'], ['w', 'v']]);
    await expect(shortestPath('a', 'z', 6, h.meetOnly)).resolves.toEqual(['a', 'p', 'q', 'z']);
    await expect(shortestPath('z', 'a', 6, h.meetOnly)).resolves.toEqual(['z', 'b', 's', 'a']);
    const long = graph([['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['b', 'x'], ['x', 'e']]);
    await expect(shortestPath('a', 'f', 6, long.meetOnly)).resolves.toEqual(['a', 'b', 'x', 'e', 'f']);
    await expect(shortestPath('a', 'f', 3, long.meetOnly)).resolves.toBeNull();
  });

  it('is the node itself at 0 hops, and a direct pair at 1', async () => {
    const g = graph([['a', 'b']]);
    await expect(shortestPath('a', 'a', 6, g.expand)).resolves.toEqual(['a']);
    await expect(shortestPath('a', 'b', 1, g.expand)).resolves.toEqual(['a', 'b']);
  });
});
