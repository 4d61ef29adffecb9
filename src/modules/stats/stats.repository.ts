import type { Context } from '../../context';
import { cypherQuery, shapedQuery } from '../../db/cypher-registry';
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
 * 55 ms walking down from the country by every path); for those, with a chantier or themes filter,
 * the allies are counted from that reference's allies upwards (statsStart).
 */
export function territoryStatsFile(level: TerritoryLevel, f: NetworkFilterParams = NO_FILTER): string {
  if (level === 'COMMUNE') return 'stats/territory-stats';
  return statsStart(f) !== null ? 'stats/territory-stats-from-allies' : 'stats/territory-stats-by-level';
}

/**
 * Where the allies of a larger level are counted from (stats/territory-stats-from-allies): a
 * chantier's contributors (tens), else the tribes of the themes (a few percent of the allies each);
 * walking down from the territories meets every ally of a région, each then filtered. Never an
 * objective's contributors: each objective is served by a quarter of the chantiers.
 */
export function statsStart(f: NetworkFilterParams): 'chantier' | 'themes' | null {
  if (f.chantier !== null) return 'chantier';
  if (f.themes !== null) return 'themes';
  return null;
}
shapedQuery('stats/territory-stats', [], COMMUNE_SAMPLE); // bound at load, planned by warm-up
shapedQuery('stats/territory-stats-by-level', [], TERRITORY_SAMPLE);
cypherQuery('stats/territory-stats-from-allies'); // every shape of it has a condition: none is planned by warm-up
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
  // From allies, the start's own condition is kept: the chantiers' conditions share the set (a theme
  // start still asks that chantiers address the theme), and on the start set it costs a few thousand checks.
  const query = shapedQuery(territoryStatsFile(level, f), presentConditions(f));
  const [r] = await ctx.db.read<FilterReferences & { withinExists: boolean; rows: TerritoryStatRow[]; allyCounts?: AllyCounts[] }>(query, {
    level, within, f, start: statsStart(f), ...privacyParams(ctx),
  });
  if (!r.withinExists) throw new BadUserInputError(`within: no territory "${within}" in the graph`, 'within');
  assertFilterReferences(r, f);
  return r.allyCounts ? withAllyCounts(r.rows, r.allyCounts) : r.rows;
}

interface AllyCounts {
  eid: string;
  allies: number;
  organizations: number;
  persons: number;
}

/** The rows of territory-stats-from-allies (zero allies) with the ally counts of the territories that have some. */
export function withAllyCounts(rows: TerritoryStatRow[], counts: AllyCounts[]): TerritoryStatRow[] {
  const byEid = new Map(counts.map((c) => [c.eid, c]));
  return rows.map((row) => {
    const c = byEid.get(row.territory._eid);
    return c ? { ...row, allies: c.allies, organizations: c.organizations, persons: c.persons } : row;
  });
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
