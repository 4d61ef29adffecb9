/**
 * The check before timing: the three servers' answers to one operation, as lists of slugs
 * (bench/operations.ts), must be equal. Pure, so that a unit test can prove it fails when they differ.
 */
export interface Comparison {
  same: boolean;
  /** Length of the reference list (the last one given: the floor's). */
  slugs: number;
  /** Where they differ, for a person: counts, the first differing positions, what one has and the other lacks. */
  detail?: string;
}

/** `lists` in display order, e.g. [['Archipel', […]], ['@neo4j/graphql', […]], ['hand-written', […]]]; the last is the reference. */
export function compareSlugs(lists: [string, string[]][]): Comparison {
  const [refLabel, reference] = lists[lists.length - 1];
  const same = lists.every(([, l]) => l.length === reference.length && l.every((x, i) => x === reference[i]));
  if (same) return { same, slugs: reference.length };
  const lines = lists.map(([label, l]) => `${label}: ${l.length} slugs`);
  const max = Math.max(...lists.map(([, l]) => l.length));
  for (let i = 0, shown = 0; i < max && shown < 8; i++) {
    const row = lists.map(([, l]) => l[i] ?? '(none)');
    if (new Set(row).size > 1) {
      lines.push(`#${i}: ${lists.map(([label], j) => `${label} "${row[j]}"`).join(', ')}`);
      shown++;
    }
  }
  for (const [label, l] of lists.slice(0, -1)) {
    const only = (a: string[], b: string[]) => {
      const set = new Set(b);
      return a.filter((x) => !set.has(x)).slice(0, 10);
    };
    const extra = only(l, reference);
    const missing = only(reference, l);
    if (extra.length) lines.push(`in ${label}'s answer, not ${refLabel}'s: ${JSON.stringify(extra)}`);
    if (missing.length) lines.push(`in ${refLabel}'s answer, not ${label}'s: ${JSON.stringify(missing)}`);
  }
  return { same, slugs: reference.length, detail: lines.join('\n') };
}
