import DataLoader from 'dataloader';
import { Context, loader } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { Connection, PageRequest, PagedRow, toConnection } from '../../common/relay';
import { toFullTextQuery } from '../../common/text';
import { suggestKnown } from '../../common/suggest';
import { parseTerritoryRef } from '../territory/territory-ref';
import { keysetParams, NodeRow, privacyParams } from '../node/node.repository';
import { AllyFilter, AllyOrder, AllyOrderField, MatchMode } from './ally.inputs';
import { SortDirection } from '../node/node.types';

const findAllies = cypherQuery('ally/find-allies');
const allyDegrees = cypherQuery('ally/degrees');

/** What a page of allies is restricted to besides the filter: a parent's territory, theme, objective or chantier. */
export interface AllyScope {
  territory?: string;
  theme?: string;
  themeRole?: string;
  objective?: string;
  chantier?: string;
}

/** Validates a territory argument: canonical ref, or BAD_USER_INPUT naming the argument. */
export function territoryArgument(value: string, argument: string): string {
  const parsed = parseTerritoryRef(value);
  if (!parsed.ok) throw new BadUserInputError(`${argument}: ${parsed.message}`, argument);
  return parsed.value.ref;
}

/** The filter as Cypher parameters: every key present, validated, normalised. */
export function allyFilterParams(f: AllyFilter | undefined, argument = 'filter') {
  if (f?.near && !(f.near.radiusKm > 0 && f.near.radiusKm <= 2000)) {
    throw new BadUserInputError(`${argument}.near.radiusKm: must be more than 0 and at most 2000 (got ${f.near.radiusKm})`, `${argument}.near.radiusKm`);
  }
  if (f?.within && f.within.south > f.within.north) {
    throw new BadUserInputError(`${argument}.within: south (${f.within.south}) must not be north of north (${f.within.north})`, `${argument}.within`);
  }
  return {
    kind: f?.kind ?? null,
    organizationTypes: f?.organizationTypes?.length ? f.organizationTypes : null,
    themes: f?.themes?.length ? f.themes : null,
    themesAll: f?.themesMatch === MatchMode.ALL,
    territory: f?.territory != null ? territoryArgument(f.territory, `${argument}.territory`) : null,
    chantier: f?.chantier ?? null,
    objective: f?.objective ?? null,
    signedAfter: isoDate(f?.signedAfter),
    signedBefore: isoDate(f?.signedBefore),
    near: f?.near ? { latitude: f.near.latitude, longitude: f.near.longitude, radiusKm: f.near.radiusKm } : null,
    bbox: f?.within ? { ...f.within } : null,
    text: f?.text != null ? textArgument(f.text, `${argument}.text`) : null,
  };
}

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

/** A Date scalar argument (graphql-scalars parses it to a JS Date at UTC midnight) as YYYY-MM-DD. */
export function isoDate(value: Date | string | undefined | null): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

/** A full-text argument as a Lucene query, or BAD_USER_INPUT when it holds no word. */
export function textArgument(text: string, argument: string): string {
  const q = toFullTextQuery(text, argument);
  if (q === null) throw new BadUserInputError(`${argument}: give at least one word to search for`, argument);
  return q;
}

export function allyOrderKey(order: AllyOrder | undefined): { field: AllyOrderField; desc: boolean; key: string } {
  const field = order?.field ?? AllyOrderField.NAME;
  const desc = order?.direction === SortDirection.DESC;
  return { field, desc, key: `${field}:${desc ? 'DESC' : 'ASC'}` };
}

interface AlliesResult {
  key: string;
  total: number;
  rows: PagedRow<NodeRow>[];
  unknownThemes: string[];
  chantierExists: boolean;
  objectiveExists: boolean;
}

/**
 * A page of allies for a scope, batched with the other scopes of the same request level that share
 * filter, order and page (e.g. `allies` of each territory of a list: one query).
 */
export async function alliesConnection(
  ctx: Context,
  scope: AllyScope,
  filter: AllyFilter | undefined,
  order: AllyOrder | undefined,
  req: PageRequest,
  argument = 'filter',
): Promise<Connection<NodeRow>> {
  const f = allyFilterParams(filter, argument);
  const o = allyOrderKey(order);
  const name = `allies:${JSON.stringify([f, o.key, req])}`;
  const batch = loader(ctx, name, () =>
    new DataLoader<string, AlliesResult>(async (scopeKeys) => {
      const scopes = scopeKeys.map((k) => ({ key: k, territory: null, theme: null, themeRole: null, objective: null, chantier: null, ...JSON.parse(k) }));
      const rows = await ctx.db.read<AlliesResult>(findAllies, { scopes, f, order: o.field, ...keysetParams(req, o.desc), ...privacyParams(ctx) });
      const map = new Map(rows.map((r) => [r.key, r]));
      return scopeKeys.map((k) => map.get(k)!);
    }),
  );
  const result = await batch.load(JSON.stringify(scope));
  await assertKnownThemes(result.unknownThemes, argument, ctx.db);
  if (!result.chantierExists) throw new BadUserInputError(`${argument}.chantier: unknown chantier "${filter?.chantier}"`, `${argument}.chantier`);
  if (!result.objectiveExists) throw new BadUserInputError(`${argument}.objective: unknown Charter objective "${filter?.objective}"`, `${argument}.objective`);
  return toConnection(result.rows, req, async () => result.total);
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
