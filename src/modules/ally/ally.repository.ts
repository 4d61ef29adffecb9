import DataLoader from 'dataloader';
import { Context, loader } from '../../context';
import { cypherQuery, CypherQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { Connection, PageRequest, PagedRow, toConnection } from '../../common/relay';
import { keysetParams, NodeRow, privacyParams } from '../node/node.repository';
import { readReferences, References } from '../node/references';
import { AllyFilter, AllyOrder, AllyOrderField } from './ally.inputs';
import { SortDirection } from '../node/node.types';
import { AllyCriteria, allyCriteria, AllyScope } from './ally.filter';
import { AllyCardinalities, AllyPlan, planAllies } from './ally.plan';
import { allyCountQuery, allyPageQuery } from './ally.shapes';

export type { AllyScope } from './ally.filter';
export { isoDate, territoryArgument, textArgument } from './ally.filter';

const allyDegrees = cypherQuery('ally/degrees');

/** BAD_USER_INPUT naming `<argument>.themes` when a filter named themes that do not exist. */
export function assertKnownThemes(unknown: string[], argument: string): void {
  if (unknown.length) {
    throw new BadUserInputError(`${argument}.themes: unknown theme${unknown.length > 1 ? 's' : ''} ${unknown.map((s) => `"${s}"`).join(', ')}`, `${argument}.themes`);
  }
}

export function allyOrderKey(order: AllyOrder | undefined): { field: AllyOrderField; desc: boolean; key: string } {
  const field = order?.field ?? AllyOrderField.NAME;
  const desc = order?.direction === SortDirection.DESC;
  return { field, desc, key: `${field}:${desc ? 'DESC' : 'ASC'}` };
}

/** The reference keys criteria need read before planning. */
function referenceKeys(cs: readonly AllyCriteria[]) {
  return {
    themes: cs.flatMap((c) => c.themeGroups.flatMap((g) => g.slugs)),
    chantiers: cs.flatMap((c) => c.chantiers),
    objectives: cs.flatMap((c) => c.objectives),
    territories: cs.flatMap((c) => c.territories),
    texts: cs.flatMap((c) => (c.text !== null ? [c.text] : [])),
  };
}

/** Whether the plan needs any reference read (nothing selective: the plan is known without one). */
function needsReferences(c: AllyCriteria): boolean {
  return c.themeGroups.length + c.territories.length + c.chantiers.length + c.objectives.length > 0 || c.text !== null || c.near !== null || c.bbox !== null;
}

const NO_REFERENCES: References = {
  totals: { allies: 0, chantiers: 0, francePopulation: null },
  themes: new Map(),
  chantiers: new Map(),
  objectives: new Map(),
  territories: new Map(),
  allies: new Map(),
  texts: new Map(),
};

/** The filter's own references exist, or BAD_USER_INPUT naming the argument (scopes exist: they are parents). */
function checkNamed(c: AllyCriteria, refs: References): void {
  const { argument, themes, chantier, objective } = c.named;
  assertKnownThemes(themes.filter((s) => !refs.themes.has(s)), argument);
  if (chantier !== null && !refs.chantiers.has(chantier)) throw new BadUserInputError(`${argument}.chantier: unknown chantier "${chantier}"`, `${argument}.chantier`);
  if (objective !== null && !refs.objectives.has(objective)) throw new BadUserInputError(`${argument}.objective: unknown Charter objective "${objective}"`, `${argument}.objective`);
}

function cardinalities(refs: References): AllyCardinalities {
  const record = <V>(m: Map<string, V>, f: (v: V) => number) => Object.fromEntries([...m].map(([k, v]) => [k, f(v)]));
  return {
    allies: refs.totals.allies,
    francePopulation: refs.totals.francePopulation,
    themes: record(refs.themes, (t) => t.allies),
    chantiers: record(refs.chantiers, (t) => t.allies),
    objectives: record(refs.objectives, (t) => t.allies),
    territories: Object.fromEntries(refs.territories),
    texts: record(refs.texts, (t) => t.allies),
  };
}

/**
 * Plans each criteria of a batch (one references query for all of them), then runs one query per
 * shape for the scopes that share it. Results are in key order; a scope whose filter names an
 * unknown reference gets its error.
 */
async function planAndRun<R>(
  ctx: Context,
  cs: readonly AllyCriteria[],
  plan: (c: AllyCriteria, card: AllyCardinalities) => AllyPlan,
  query: (p: AllyPlan) => CypherQuery,
  params: Record<string, unknown>,
  empty: R,
  collect: (rows: Record<string, unknown>[]) => Map<string, R>,
): Promise<(R | Error)[]> {
  const refs = cs.some(needsReferences) ? await readReferences(ctx, referenceKeys(cs)) : NO_REFERENCES;
  const card = cardinalities(refs);
  const groups = new Map<CypherQuery, { key: string; c: unknown }[]>();
  const results: (R | Error)[] = cs.map((c, i) => {
    try {
      checkNamed(c, refs);
    } catch (err) {
      return err as Error;
    }
    const p = plan(c, card);
    if (p.empty) return empty;
    const q = query(p);
    const list = groups.get(q) ?? [];
    list.push({ key: String(i), c: p.params });
    groups.set(q, list);
    return empty;
  });
  await Promise.all(
    [...groups].map(async ([q, scopes]) => {
      const rows = await ctx.db.read<Record<string, unknown>>(q, { scopes, ...params, ...privacyParams(ctx) });
      for (const [key, value] of collect(rows)) results[Number(key)] = value;
    }),
  );
  return results;
}

const criteriaKey = (c: AllyCriteria) => JSON.stringify(c);

/** A page of allies per criteria, batched across the scopes of one request level that share order and page. */
function allyPages(ctx: Context, field: AllyOrderField, desc: boolean, req: PageRequest): DataLoader<AllyCriteria, PagedRow<NodeRow>[], string> {
  return loader(ctx, `allyPages:${field}:${desc}:${JSON.stringify(req)}`, () =>
    new DataLoader<AllyCriteria, PagedRow<NodeRow>[], string>(
      async (cs) => {
        const keyset = keysetParams(req, desc);
        const fromKey = keyset.afterKey ?? (keyset.desc ? '\uffff' : '');
        return planAndRun<PagedRow<NodeRow>[]>(
          ctx,
          cs,
          (c, card) => planAllies(c, field, req.size + 1, card),
          (p) => allyPageQuery(p, field, keyset.desc),
          { ...keyset, fromKey },
          [],
          (rows) => {
            const byKey = new Map<string, PagedRow<NodeRow>[]>();
            for (const r of rows) {
              const list = byKey.get(r.key as string) ?? [];
              list.push({ sortKey: r.sortKey as string, id: r.id as string, item: r.item as NodeRow });
              byKey.set(r.key as string, list);
            }
            return byKey;
          },
        );
      },
      { cacheKeyFn: criteriaKey },
    ),
  );
}

/** How many allies each criteria matches (run only when a client selects totalCount). */
function allyCounts(ctx: Context): DataLoader<AllyCriteria, number, string> {
  return loader(ctx, 'allyCounts', () =>
    new DataLoader<AllyCriteria, number, string>(
      (cs) =>
        planAndRun<number>(
          ctx,
          cs,
          (c, card) => planAllies(c, null, 0, card),
          (p) => allyCountQuery(p),
          {},
          0,
          (rows) => new Map(rows.map((r) => [r.key as string, r.total as number])),
        ),
      { cacheKeyFn: criteriaKey },
    ),
  );
}

/**
 * A page of allies for a scope (root list, or a parent's territory/theme/objective/chantier),
 * batched with the other scopes of the same request level that share order and page (e.g.
 * `allies` of each territory of a list: one references query, one query per shape). The total is
 * its own count query, run only when `totalCount` is selected.
 */
export async function alliesConnection(
  ctx: Context,
  scope: AllyScope,
  filter: AllyFilter | undefined,
  order: AllyOrder | undefined,
  req: PageRequest,
  argument = 'filter',
): Promise<Connection<NodeRow>> {
  const criteria = allyCriteria(filter, scope, argument);
  const o = allyOrderKey(order);
  const rows = await allyPages(ctx, o.field, o.desc, req).load(criteria);
  return toConnection(rows, req, () => allyCounts(ctx).load(criteria));
}

/**
 * The allies matching criteria as a start set for other reads (networks, statistics): the plan's
 * shape and parameters, so a caller can run the count, or a page of ids, with the same planner.
 */
export async function planAllyCriteria(ctx: Context, c: AllyCriteria): Promise<AllyPlan> {
  const refs = needsReferences(c) ? await readReferences(ctx, referenceKeys([c])) : NO_REFERENCES;
  checkNamed(c, refs);
  return planAllies(c, null, 0, cardinalities(refs));
}

/** Visible degree of allies read by other paths than the allies page (which computes it itself). */
export function allyDegree(ctx: Context): DataLoader<string, number> {
  return loader(ctx, 'allyDegree', () =>
    new DataLoader<string, number>(async (eids) => {
      const rows = await ctx.db.read<{ eid: string; degree: number }>(allyDegrees, { eids, ...privacyParams(ctx) });
      const map = new Map(rows.map((r) => [r.eid, r.degree]));
      return eids.map((e) => map.get(e) ?? 0);
    }),
  );
}
