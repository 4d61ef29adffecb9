import type { Context } from '../../context';
import type { CypherQuery } from '../../db/cypher-registry';
import { NodeRow, privacyParams } from './node.repository';
import { nodeRow, ProjectedNode, Props } from './projection';
import { emptyReferences, readReferences, ReferenceKeys, References } from './references';

/**
 * Runs a batch of list criteria through the read model (DESIGN §11): one references query for
 * all of them (skipped when none names anything), a plan each, then one query per shape for the
 * scopes that share it (`$scopes` = [{key, c}]). Results come back in the criteria's order; a
 * criteria whose check fails gets its error (DataLoader passes it to that scope only).
 */
export interface ShapePlan {
  /** The criteria as the shape's parameters. */
  params: unknown;
  /** The answer is empty without a query (e.g. a territory not in the graph). */
  empty: boolean;
}

export interface ShapeRun<C, P extends ShapePlan, R> {
  references: (cs: readonly C[]) => ReferenceKeys | null;
  check: (c: C, refs: References) => void | Promise<void>;
  plan: (c: C, refs: References) => P;
  query: (p: P) => CypherQuery;
  params: Record<string, unknown>;
  empty: () => R;
  collect: (rows: Record<string, unknown>[]) => Map<string, R>;
}

export const NO_REFERENCES: References = Object.freeze(emptyReferences({ allies: 0, chantiers: 0, francePopulation: null }));

export async function runShapes<C, P extends ShapePlan, R>(ctx: Context, cs: readonly C[], run: ShapeRun<C, P, R>): Promise<(R | Error)[]> {
  const keys = run.references(cs);
  const refs = keys ? await readReferences(ctx, keys) : NO_REFERENCES;
  const groups = new Map<CypherQuery, { key: string; c: unknown }[]>();
  const checks = await Promise.all(cs.map(async (c) => {
    try {
      await run.check(c, refs);
      return null;
    } catch (err) {
      return err as Error;
    }
  }));
  const results: (R | Error)[] = cs.map((c, i) => {
    if (checks[i] !== null) return checks[i];
    const p = run.plan(c, refs);
    if (p.empty) return run.empty();
    const q = run.query(p);
    const list = groups.get(q) ?? [];
    list.push({ key: String(i), c: p.params });
    groups.set(q, list);
    return run.empty();
  });
  await Promise.all(
    [...groups].map(async ([q, scopes]) => {
      const rows = await ctx.db.read<Record<string, unknown>>(q, { scopes, ...run.params, ...privacyParams(ctx) });
      for (const [key, value] of run.collect(rows)) results[Number(key)] = value;
    }),
  );
  return results;
}

/** Rows of a page query (key, sortKey, id, item) grouped by scope key. */
export function collectPages<T>(rows: Record<string, unknown>[]): Map<string, { sortKey: string; id: string; item: T }[]> {
  const byKey = new Map<string, { sortKey: string; id: string; item: T }[]>();
  for (const r of rows) {
    const list = byKey.get(r.key as string) ?? [];
    list.push({ sortKey: r.sortKey as string, id: r.id as string, item: r.item as T });
    byKey.set(r.key as string, list);
  }
  return byKey;
}

/** Rows of a page query whose items were projected with `props` (see projection.ts), grouped by scope key. */
export function projectedPages(rows: Record<string, unknown>[], props: Props): Map<string, { sortKey: string; id: string; item: NodeRow }[]> {
  const byKey = new Map<string, { sortKey: string; id: string; item: NodeRow }[]>();
  for (const r of rows) {
    const list = byKey.get(r.key as string) ?? [];
    list.push({ sortKey: r.sortKey as string, id: r.id as string, item: nodeRow(r.item as ProjectedNode, props) });
    byKey.set(r.key as string, list);
  }
  return byKey;
}

/** Rows of a count query (key, total) by scope key. */
export function collectCounts(rows: Record<string, unknown>[]): Map<string, number> {
  return new Map(rows.map((r) => [r.key as string, r.total as number]));
}
