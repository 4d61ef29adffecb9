import type { Context } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { privacyParams, NodeRow } from '../node/node.repository';
import { parseTerritoryRef, TERRITORY_LEVELS, TerritoryLevel } from '../territory/territory-ref';
import { NetworkFilterParams } from '../network/network.filter';

const territoryStatsQuery = cypherQuery('stats/territory-stats');
const themeStatsQuery = cypherQuery('stats/theme-stats');

interface References {
  unknownThemes: string[];
  chantierExists: boolean;
  objectiveExists: boolean;
  territoryExists: boolean;
}

function assertReferences(r: References, f: NetworkFilterParams): void {
  if (r.unknownThemes.length) {
    throw new BadUserInputError(`filter.themes: unknown theme${r.unknownThemes.length > 1 ? 's' : ''} ${r.unknownThemes.map((s) => `"${s}"`).join(', ')}`, 'filter.themes');
  }
  if (!r.chantierExists) throw new BadUserInputError(`filter.chantier: unknown chantier "${f.chantier}"`, 'filter.chantier');
  if (!r.objectiveExists) throw new BadUserInputError(`filter.objective: unknown Charter objective "${f.objective}"`, 'filter.objective');
  if (!r.territoryExists) throw new BadUserInputError(`filter.territory: no territory "${f.territory}" in the graph`, 'filter.territory');
}

/** `within` as a canonical ref above `level`, checked before any Cypher runs. */
export function withinArgument(within: string | undefined, level: TerritoryLevel): string {
  const parsed = parseTerritoryRef(within ?? 'country:FR');
  if (!parsed.ok) throw new BadUserInputError(`within: ${parsed.message}`, 'within');
  if (TERRITORY_LEVELS.indexOf(parsed.value.level) <= TERRITORY_LEVELS.indexOf(level)) {
    throw new BadUserInputError(`within: ${parsed.value.ref} is not above the level ${level}; give a larger territory, or a lower level`, 'within');
  }
  return parsed.value.ref;
}

export interface TerritoryStatRow {
  territory: NodeRow;
  allies: number;
  organizations: number;
  persons: number;
  chantiers: number;
}

export async function territoryStats(ctx: Context, level: TerritoryLevel, within: string, f: NetworkFilterParams): Promise<TerritoryStatRow[]> {
  const [r] = await ctx.db.read<References & { withinExists: boolean; rows: TerritoryStatRow[] }>(territoryStatsQuery, { level, within, f, ...privacyParams(ctx) });
  if (!r.withinExists) throw new BadUserInputError(`within: no territory "${within}" in the graph`, 'within');
  assertReferences(r, f);
  return r.rows;
}

export interface ThemeStatRow {
  theme: NodeRow;
  allies: number;
  leads: number;
  chantiers: number;
}

export async function themeStats(ctx: Context, f: NetworkFilterParams): Promise<ThemeStatRow[]> {
  const [r] = await ctx.db.read<References & { rows: ThemeStatRow[] }>(themeStatsQuery, { f, ...privacyParams(ctx) });
  assertReferences(r, f);
  return r.rows;
}
