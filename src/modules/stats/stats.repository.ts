import type { Context } from '../../context';
import { shapedQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { privacyParams, NodeRow } from '../node/node.repository';
import { parseTerritoryRef, TERRITORY_LEVELS, TerritoryLevel } from '../territory/territory-ref';
import { assertFilterReferences, FilterReferences, networkFilterParams, NetworkFilterParams, presentConditions } from '../network/network.filter';


/** `within` as a canonical ref above `level`, checked before any Cypher runs. */
export function withinArgument(within: string | undefined, level: TerritoryLevel): string {
  const parsed = parseTerritoryRef(within ?? 'country:FR');
  if (!parsed.ok) throw new BadUserInputError(`within: ${parsed.message}`, 'within');
  if (TERRITORY_LEVELS.indexOf(parsed.value.level) <= TERRITORY_LEVELS.indexOf(level)) {
    throw new BadUserInputError(`within: ${parsed.value.ref} is not above the level ${level}; give a larger territory, or a lower level`, 'within');
  }
  return parsed.value.ref;
}

/** Parameters of the types the API sends: warm-up plans the bare shapes with them. */
const NO_FILTER = networkFilterParams(undefined);
const TERRITORY_SAMPLE = { level: 'REGION', within: 'country:FR', f: NO_FILTER, canSeePrivate: false };
const THEME_SAMPLE = { f: NO_FILTER, canSeePrivate: false };
const COMMUNE_SAMPLE = { ...TERRITORY_SAMPLE, level: 'COMMUNE' };
/**
 * How a level's territories within a ref are found: walked down from the ref for communes (a
 * département has a few hundred of them, the country 35,000), the level's own territories checked
 * upwards for the larger levels (at most ~1,300 EPCIs; 13 régions at 100k allies: 10 ms, against
 * 55 ms walking down from the country by every path).
 */
export function territoryStatsFile(level: TerritoryLevel): string {
  return level === 'COMMUNE' ? 'stats/territory-stats' : 'stats/territory-stats-by-level';
}
shapedQuery('stats/territory-stats', [], COMMUNE_SAMPLE); // bound at load, planned by warm-up
shapedQuery('stats/territory-stats-by-level', [], TERRITORY_SAMPLE);
shapedQuery('stats/theme-stats', [], THEME_SAMPLE);

export interface TerritoryStatRow {
  territory: NodeRow;
  allies: number;
  organizations: number;
  persons: number;
  chantiers: number;
}

export async function territoryStats(ctx: Context, level: TerritoryLevel, within: string, f: NetworkFilterParams): Promise<TerritoryStatRow[]> {
  // One text per set of filter conditions present (shapedQuery).
  const query = shapedQuery(territoryStatsFile(level), presentConditions(f));
  const [r] = await ctx.db.read<FilterReferences & { withinExists: boolean; rows: TerritoryStatRow[] }>(query, { level, within, f, ...privacyParams(ctx) });
  if (!r.withinExists) throw new BadUserInputError(`within: no territory "${within}" in the graph`, 'within');
  assertFilterReferences(r, f);
  return r.rows;
}

export interface ThemeStatRow {
  theme: NodeRow;
  allies: number;
  leads: number;
  chantiers: number;
}

export async function themeStats(ctx: Context, f: NetworkFilterParams): Promise<ThemeStatRow[]> {
  // Per theme of $f.themes, "works on / addresses any of the themes" always holds: not a condition.
  const query = shapedQuery('stats/theme-stats', presentConditions(f, ['themes']), THEME_SAMPLE);
  const [r] = await ctx.db.read<FilterReferences & { rows: ThemeStatRow[] }>(query, { f, ...privacyParams(ctx) });
  assertFilterReferences(r, f);
  return r.rows;
}
