/**
 * THE collaboration context (DESIGN §2, STYLE 13), once in TypeScript; its Cypher twin is the
 * fragment cypher/fragments/network/collaboration-context.cypher, which every query of this module
 * includes (a unit test holds the two together). Two allies collaborate when they contribute to the
 * same chantier, belong to (or lead) the same learning community, or one is a member of the other;
 * the weight of a pair is the number of contexts they share. A context is never a person, so a
 * chain of contexts never passes through a private person.
 */
export const COLLABORATION_CONTEXT = {
  /** Ally → shared context node: the relationship type and the context's label. */
  shared: [
    { type: 'CONTRIBUTES_TO', label: 'Chantier' },
    { type: 'MEMBER_OF_COMMUNITY', label: 'LearningCommunity' },
  ],
  /** Ally → ally: one is a member of the other; the context (`via`) is the organisation. */
  direct: { type: 'MEMBER_OF', label: 'Organization' },
} as const;

/** Every relationship type that makes a collaboration. */
export const COLLABORATION_TYPES: readonly string[] = [...COLLABORATION_CONTEXT.shared.map((s) => s.type), COLLABORATION_CONTEXT.direct.type];

/** Labels of the nodes that can be a shared context (`via`). */
export const CONTEXT_LABELS: readonly string[] = [...COLLABORATION_CONTEXT.shared.map((s) => s.label), COLLABORATION_CONTEXT.direct.label];

/** How `via` lists are ordered: chantiers, then communities, then organisations; each by sort key, then id. */
export function compareContexts(x: { _labels: string[]; id: string; sortName?: unknown; sortTitle?: unknown }, y: typeof x): number {
  const rank = (n: typeof x) => CONTEXT_LABELS.findIndex((l) => n._labels.includes(l));
  const key = (n: typeof x) => String(n.sortTitle ?? n.sortName ?? '');
  return rank(x) - rank(y) || key(x).localeCompare(key(y)) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/**
 * The collaborating pairs of a set, from the contexts its members share (edges-collaboration-among.cypher:
 * each context as the positions of its members in the set): one entry per pair, `s` before `t` by
 * position, weighted by the number of contexts the pair shares. Counted here rather than in Cypher
 * (a theme of 3,565 allies at 100k allies: 117,000 pairs, 570 ms as `count(DISTINCT ctx)` per pair,
 * ~15 ms here).
 */
export function pairsFromContexts(contexts: number[][], size: number): { s: number; t: number; weight: number }[] {
  const weights = new Map<number, number>(); // key: s × size + t
  for (const members of contexts) {
    const m = [...new Set(members)].sort((x, y) => x - y);
    for (let i = 0; i < m.length; i++) {
      for (let j = i + 1; j < m.length; j++) {
        const key = m[i] * size + m[j];
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  return [...weights].map(([key, weight]) => ({ s: Math.floor(key / size), t: key % size, weight }));
}
