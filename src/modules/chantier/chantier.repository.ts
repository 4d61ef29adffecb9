import DataLoader from 'dataloader';
import { Context, loader } from '../../context';
import { BadUserInputError } from '../../errors/app-errors';
import { Connection, PageRequest, PagedRow, toConnection } from '../../common/relay';
import { keysetParams, NodeRow } from '../node/node.repository';
import { SortDirection } from '../node/node.types';
import { readReferences, ReferenceKeys, References } from '../node/references';
import { collectCounts, collectPages, NO_REFERENCES, runShapes } from '../node/shape-runner';
import { assertKnownThemes } from '../ally/ally.repository';
import { ChantierFilter, ChantierOrder, ChantierOrderField } from './chantier.inputs';
import { ChantierCriteria, chantierCriteria, ChantierScope } from './chantier.filter';
import { ChantierCardinalities, ChantierPlan, planChantiers } from './chantier.plan';
import { chantierCountQuery, chantierPageQuery } from './chantier.shapes';

export type { ChantierScope } from './chantier.filter';

function referenceKeys(cs: readonly ChantierCriteria[]): ReferenceKeys | null {
  const needed = (c: ChantierCriteria) => c.objectives.length + c.themeGroups.length + c.territories.length + c.participants.length > 0 || c.text !== null;
  if (!cs.some(needed)) return null;
  return {
    objectives: cs.flatMap((c) => c.objectives),
    themes: cs.flatMap((c) => c.themeGroups.flatMap((g) => g.slugs)),
    territories: cs.flatMap((c) => c.territories),
    allies: cs.flatMap((c) => c.participants),
    texts: cs.flatMap((c) => (c.text !== null ? [c.text] : [])),
  };
}

/** The filter's own references exist (a private ally is unknown to whoever may not see it). */
async function checkNamed(ctx: Context, c: ChantierCriteria, refs: References): Promise<void> {
  const { argument, themes, objective, participant } = c.named;
  await assertKnownThemes(themes.filter((s) => !refs.themes.has(s)), argument, ctx.db);
  if (objective !== null && !refs.objectives.has(objective)) throw new BadUserInputError(`${argument}.objective: unknown Charter objective "${objective}"`, `${argument}.objective`);
  if (participant !== null && !refs.allies.has(participant)) throw new BadUserInputError(`${argument}.participant: unknown ally "${participant}"`, `${argument}.participant`);
}

export function chantierCardinalities(refs: References): ChantierCardinalities {
  const record = <V>(m: Map<string, V>, f: (v: V) => number) => Object.fromEntries([...m].map(([k, v]) => [k, f(v)]));
  return {
    chantiers: refs.totals.chantiers,
    francePopulation: refs.totals.francePopulation,
    objectives: record(refs.objectives, (o) => o.chantiers),
    themes: record(refs.themes, (t) => t.chantiers),
    territories: Object.fromEntries(refs.territories),
    participants: record(refs.allies, (a) => a.chantiers),
    texts: record(refs.texts, (t) => t.chantiers),
  };
}

const criteriaKey = (c: ChantierCriteria) => JSON.stringify(c);

function chantierPages(ctx: Context, field: ChantierOrderField, desc: boolean, req: PageRequest): DataLoader<ChantierCriteria, PagedRow<NodeRow>[], string> {
  return loader(ctx, `chantierPages:${field}:${desc}:${JSON.stringify(req)}`, () =>
    new DataLoader<ChantierCriteria, PagedRow<NodeRow>[], string>(
      (cs) => {
        const keyset = keysetParams(req, desc);
        return runShapes<ChantierCriteria, ChantierPlan, PagedRow<NodeRow>[]>(ctx, cs, {
          references: referenceKeys,
          check: (c, refs) => checkNamed(ctx, c, refs),
          plan: (c, refs) => planChantiers(c, field, req.size + 1, chantierCardinalities(refs)),
          query: (p) => chantierPageQuery(p, field, keyset.desc),
          params: { ...keyset, fromKey: keyset.afterKey ?? (keyset.desc ? '\uffff' : '') },
          empty: () => [],
          collect: collectPages<NodeRow>,
        });
      },
      { cacheKeyFn: criteriaKey },
    ),
  );
}

function chantierCounts(ctx: Context): DataLoader<ChantierCriteria, number, string> {
  return loader(ctx, 'chantierCounts', () =>
    new DataLoader<ChantierCriteria, number, string>(
      (cs) =>
        runShapes<ChantierCriteria, ChantierPlan, number>(ctx, cs, {
          references: referenceKeys,
          check: (c, refs) => checkNamed(ctx, c, refs),
          plan: (c, refs) => planChantiers(c, null, 0, chantierCardinalities(refs)),
          query: chantierCountQuery,
          params: {},
          empty: () => 0,
          collect: collectCounts,
        }),
      { cacheKeyFn: criteriaKey },
    ),
  );
}

/** A page of chantiers for a scope, batched across the scopes of one request level; totalCount only when selected. */
export async function chantiersConnection(
  ctx: Context,
  scope: ChantierScope,
  filter: ChantierFilter | undefined,
  order: ChantierOrder | undefined,
  req: PageRequest,
  argument = 'filter',
): Promise<Connection<NodeRow>> {
  const criteria = chantierCriteria(filter, scope, argument);
  const field = order?.field ?? ChantierOrderField.TITLE;
  const desc = order?.direction === SortDirection.DESC;
  const rows = await chantierPages(ctx, field, desc, req).load(criteria);
  return toConnection(rows, req, () => chantierCounts(ctx).load(criteria));
}

export function chantierOrderKey(order: ChantierOrder | undefined): string {
  return `${order?.field ?? ChantierOrderField.TITLE}:${order?.direction === SortDirection.DESC ? 'DESC' : 'ASC'}`;
}

/**
 * The chantiers matching criteria as a start set for other reads (exports): references read and
 * the filter's own checked, then the count's plan (as planAllyCriteria for allies).
 */
export async function planChantierCriteria(ctx: Context, c: ChantierCriteria): Promise<ChantierPlan> {
  const keys = referenceKeys([c]);
  const refs = keys ? await readReferences(ctx, keys) : NO_REFERENCES;
  await checkNamed(ctx, c, refs);
  return planChantiers(c, null, 0, chantierCardinalities(refs));
}
