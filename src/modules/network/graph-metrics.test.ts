import { analyse, RawEdge } from './graph-metrics';

const e = (s: string, t: string, weight = 1): RawEdge => ({ s, t, type: 'X', weight });
const clique = (ks: string[]) => ks.flatMap((a, i) => ks.slice(i + 1).map((b) => e(a, b)));

describe('analyse', () => {
  // Two dense groups (5-cliques) joined by one edge a4–b0.
  const A = ['a0', 'a1', 'a2', 'a3', 'a4'];
  const B = ['b0', 'b1', 'b2', 'b3', 'b4'];
  const edges = [...clique(A), ...clique(B), e('a4', 'b0')];

  it('finds the two communities, the same way every time', () => {
    const r = analyse([], edges, 100);
    expect(r.communities.map((c) => c.size)).toEqual([5, 5]);
    const comm = Object.fromEntries(r.nodes.map((n) => [n.key, n.community]));
    for (const k of A) expect(comm[k]).toBe(comm.a0);
    for (const k of B) expect(comm[k]).toBe(comm.b0);
    expect(comm.a0).not.toBe(comm.b0);
    expect(analyse([], edges, 100)).toEqual(r);
    // labelled after the most connected member: the two bridge ends (degree 5)
    expect(r.communities.map((c) => c.hub).sort()).toEqual(['a4', 'b0']);
  });

  it('betweenness is highest on the bridge', () => {
    const r = analyse([], edges, 100);
    const top = [...r.nodes].sort((x, y) => y.betweenness - x.betweenness).slice(0, 2).map((n) => n.key).sort();
    expect(top).toEqual(['a4', 'b0']);
  });

  it('truncation keeps the hubs and says so', () => {
    // a star h–x1..x5 plus a pair p–q: keep 3 → h, then the best of the rest by degree, then key.
    const r = analyse([], [e('h', 'x1'), e('h', 'x2'), e('h', 'x3'), e('h', 'x4'), e('h', 'x5'), e('p', 'q')], 3);
    expect(r.totalNodes).toBe(8);
    expect(r.truncated).toBe(true);
    // kept: h (degree 5 in the whole), then p and q (degree 1, before x1… by key); output by degree in what is kept
    expect(r.nodes.map((n) => [n.key, n.degree])).toEqual([['p', 1], ['q', 1], ['h', 0]]);
    expect(r.edges).toEqual([e('p', 'q')]);
  });

  it('a pinned node is kept whatever its degree', () => {
    const r = analyse([], [e('h', 'x1'), e('h', 'x2'), e('h', 'x3'), e('p', 'q')], 2, ['q']);
    expect(r.nodes.map((n) => n.key).sort()).toEqual(['h', 'q']);
  });

  it('maxEdges keeps the heaviest edges (then by key); degrees and communities use them all', () => {
    const r = analyse([], [e('a', 'b', 1), e('a', 'c', 3), e('b', 'c', 2), e('c', 'd', 2)], 10, [], false, 2);
    expect(r.totalEdges).toBe(4);
    expect(r.edgesTruncated).toBe(true);
    // weight 3 first, then the two of weight 2 by source: b–c before c–d; a–b (1) is dropped
    expect(r.edges).toEqual([e('a', 'c', 3), e('b', 'c', 2)]);
    expect(Object.fromEntries(r.nodes.map((n) => [n.key, n.degree]))).toEqual({ a: 2, b: 2, c: 3, d: 1 });
    const all = analyse([], [e('a', 'b', 1), e('a', 'c', 3), e('b', 'c', 2), e('c', 'd', 2)], 10, [], false, 4);
    expect(all).toMatchObject({ totalEdges: 4, edgesTruncated: false });
    expect(all.edges).toHaveLength(4);
  });
});
