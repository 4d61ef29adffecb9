import type { GraphQLResolveInfo } from 'graphql';
import DataLoader from 'dataloader';
import neo4j from 'neo4j-driver';
import { Context, loader } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { Connection, PageRequest, PagedRow, toConnection } from '../../common/relay';
import { suggestKnown } from '../../common/suggest';
import { keysetParams, NodeRow, privacyParams } from '../node/node.repository';
import { readReferences, ReferenceKeys, References } from '../node/references';
import { collectCounts, NO_REFERENCES, projectedPages, runShapes } from '../node/shape-runner';
import { Props, selectedProps } from '../node/projection';
import { AllyFilter, AllyOrder, AllyOrderField } from './ally.inputs';
import { SortDirection } from '../node/node.types';
import { AllyCriteria, allyCriteria, AllyScope } from './ally.filter';
import { AllyCardinalities, AllyPlan, planAllies } from './ally.plan';
import { allyCountQuery, allyPageQuery } from './ally.shapes';

export type { AllyScope } from './ally.filter';
export { isoDate, territoryArgument, textArgument } from './ally.filter';

const allyDegrees = cypherQuery('ally/degrees', { ids: ['-'], allDegrees: false, canSeePrivate: false, canSeeEmails: false });

const listThemeSlugs = cypherQuery('theme/list-theme-slugs');

/**
 * BAD_USER_INPUT naming `<argument>.themes` when a filter named themes that do not exist, with the
 * closest known slugs (or the known ones): the theme list is read only then, on this error path.
 */
export async function assertKnownThemes(unknown: string[], argument: string, db: Context['db']): Promise<void> {
  if (!unknown.length) return;
  const known = (await db.read<{ slug: string }>(listThemeSlugs)).map((r) => r.slug);
  const each = unknown.map((s) => `"${s}" (${suggestKnown(s, known, 'themes')})`).join(', ');
  throw new BadUserInputError(`${argument}.themes: unknown theme${unknown.length > 1 ? 's' : ''} ${each}`, `${argument}.themes`);
}

export function allyOrderKey(order: AllyOrder | undefined): { field: AllyOrderField; desc: boolean; key: string } {
  const field = order?.field ?? AllyOrderField.NAME;
  const desc = order?.direction === SortDirection.DESC;
  return { field, desc, key: `${field}:${desc ? 'DESC' : 'ASC'}` };
}

/** The reference keys criteria need read before planning; null when none names anything (the plan is known without). */
function referenceKeys(cs: readonly AllyCriteria[]): ReferenceKeys | null {
  const needed = (c: AllyCriteria) =>
    c.themeGroups.length + c.territories.length + c.chantiers.length + c.objectives.length > 0 || c.text !== null || c.near !== null || c.bbox !== null;
  if (!cs.some(needed)) return null;
  return {
    themes: cs.flatMap((c) => c.themeGroups.flatMap((g) => g.slugs)),
    chantiers: cs.flatMap((c) => c.chantiers),
    objectives: cs.flatMap((c) => c.objectives),
    territories: cs.flatMap((c) => c.territories),
    texts: cs.flatMap((c) => (c.text !== null ? [c.text] : [])),
  };
}

/** The filter's own references exist, or BAD_USER_INPUT naming the argument (scopes exist: they are parents). */
async function checkNamed(ctx: Context, c: AllyCriteria, refs: References): Promise<void> {
  const { argument, themes, chantier, objective } = c.named;
  await assertKnownThemes(themes.filter((s) => !refs.themes.has(s)), argument, ctx.db);
  if (chantier !== null && !refs.chantiers.has(chantier)) throw new BadUserInputError(`${argument}.chantier: unknown chantier "${chantier}"`, `${argument}.chantier`);
  if (objective !== null && !refs.objectives.has(objective)) throw new BadUserInputError(`${argument}.objective: unknown Charter objective "${objective}"`, `${argument}.objective`);
}

export function allyCardinalities(refs: References): AllyCardinalities {
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

const criteriaKey = (c: AllyCriteria) => JSON.stringify(c);

/** Where the degree index is read from: the cursor's degree (its zero-padded sort key), else either end. */
function fromDegree(keyset: ReturnType<typeof keysetParams>) {
  if (keyset.afterKey !== null && /^\d{1,15}$/.test(keyset.afterKey)) return neo4j.int(Number(keyset.afterKey));
  return neo4j.int(keyset.desc ? Number.MAX_SAFE_INTEGER : -1);
}

/** A page of allies per criteria, batched across the scopes of one request level that share order and page. */
function allyPages(ctx: Context, field: AllyOrderField, desc: boolean, req: PageRequest, props: Props): DataLoader<AllyCriteria, PagedRow<NodeRow>[], string> {
  return loader(ctx, `allyPages:${field}:${desc}:${JSON.stringify(req)}:${JSON.stringify(props)}`, () =>
    new DataLoader<AllyCriteria, PagedRow<NodeRow>[], string>(
      (cs) => {
        const keyset = keysetParams(req, desc);
        return runShapes<AllyCriteria, AllyPlan, PagedRow<NodeRow>[]>(ctx, cs, {
          references: referenceKeys,
          check: (c, refs) => checkNamed(ctx, c, refs),
          plan: (c, refs) => planAllies(c, field, req.size + 1, allyCardinalities(refs)),
          query: (p) => allyPageQuery(p, field, keyset.desc, ctx.viewer.canSeePrivate),
          params: { ...keyset, fromKey: keyset.afterKey ?? (keyset.desc ? '\uffff' : ''), fromDegree: fromDegree(keyset), allDegrees: ctx.viewer.canSeePrivate, props },
          empty: () => [],
          collect: (rows) => projectedPages(rows, props),
        });
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
        runShapes<AllyCriteria, AllyPlan, number>(ctx, cs, {
          references: referenceKeys,
          check: (c, refs) => checkNamed(ctx, c, refs),
          plan: (c, refs) => planAllies(c, null, 0, allyCardinalities(refs)),
          query: allyCountQuery,
          params: {},
          empty: () => 0,
          collect: collectCounts,
        }),
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
  info?: GraphQLResolveInfo,
): Promise<Connection<NodeRow>> {
  const criteria = allyCriteria(filter, scope, argument);
  const o = allyOrderKey(order);
  const rows = await allyPages(ctx, o.field, o.desc, req, selectedProps(info, 'Ally', ['edges', 'node'])).load(criteria);
  return toConnection(rows, req, () => allyCounts(ctx).load(criteria));
}

/**
 * The allies matching criteria as a start set for other reads (networks, statistics): the plan's
 * shape and parameters, so a caller can run the count, or a page of ids, with the same planner.
 */
export async function planAllyCriteria(ctx: Context, c: AllyCriteria): Promise<AllyPlan> {
  const keys = referenceKeys([c]);
  const refs = keys ? await readReferences(ctx, keys) : NO_REFERENCES;
  await checkNamed(ctx, c, refs);
  return planAllies(c, null, 0, allyCardinalities(refs));
}

/** Visible degree of allies (by id) whose row does not carry it (the stored degrees are in the whitelist of `degree`). */
export function allyDegree(ctx: Context): DataLoader<string, number> {
  return loader(ctx, 'allyDegree', () =>
    new DataLoader<string, number>(async (ids) => {
      const rows = await ctx.db.read<{ id: string; degree: number | null }>(allyDegrees, { ids, allDegrees: ctx.viewer.canSeePrivate, ...privacyParams(ctx) });
      const map = new Map(rows.map((r) => [r.id, r.degree ?? 0]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
  );
}

/** The visible degree of an ally row: computed by its page, else stored on it (as the viewer may see it), else read. */
export function degreeOf(ctx: Context, ally: NodeRow): number | Promise<number> {
  if (typeof ally.degree === 'number') return ally.degree;
  const stored = ctx.viewer.canSeePrivate ? ally.degreeAll : ally.degreePublic;
  return typeof stored === 'number' ? stored : allyDegree(ctx).load(ally.id);
}
