import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the client selected the field at `path` below the current field (through inline
 * fragments and fragment spreads too), e.g. ['nodes', 'betweenness'], so that a costly value is
 * computed only when asked for.
 */
export function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  const walk = (set: SelectionSetNode | undefined, rest: string[]): boolean => {
    if (!set) return false;
    for (const sel of set.selections) {
      if (sel.kind === 'Field') {
        if (sel.name.value === rest[0] && (rest.length === 1 || walk(sel.selectionSet, rest.slice(1)))) return true;
      } else if (sel.kind === 'InlineFragment') {
        if (walk(sel.selectionSet, rest)) return true;
      } else if (walk(info.fragments[sel.name.value]?.selectionSet, rest)) {
        return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((f) => walk(f.selectionSet, path));
}
