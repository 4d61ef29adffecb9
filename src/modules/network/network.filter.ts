import { BadUserInputError } from '../../errors/app-errors';
import { parseTerritoryRef } from '../territory/territory-ref';
import type { NetworkFilter } from './network.types';

/**
 * The start-set selection of a network: which allies a filter means, and where to start reading
 * them. Same meanings as AllyFilter (themes: ANY; territory: within, i.e. based or acting in it or
 * in anything PART_OF it; chantier: contributes to it; objective: contributes to a chantier serving
 * it; kinds). Kept small and separate so that it can be swapped for the allies' planner
 * (ally.filter.ts / ally.plan.ts) once that lands.
 */
export interface NetworkFilterParams {
  themes: string[] | null;
  territory: string | null;
  objective: string | null;
  chantier: string | null;
  kinds: string[] | null;
}

/** The filter validated (a territory ref parsed: "32" is ambiguous) and normalised; before any Cypher. */
export function networkFilterParams(f: NetworkFilter | undefined, argument = 'filter'): NetworkFilterParams {
  let territory: string | null = null;
  if (f?.territory != null) {
    const parsed = parseTerritoryRef(f.territory);
    if (!parsed.ok) throw new BadUserInputError(`${argument}.territory: ${parsed.message}`, `${argument}.territory`);
    territory = parsed.value.ref;
  }
  return {
    themes: f?.themes?.length ? [...new Set(f.themes)] : null,
    territory,
    objective: f?.objective ?? null,
    chantier: f?.chantier ?? null,
    kinds: f?.kinds?.length ? f.kinds : null,
  };
}

export type NetworkStart = 'chantier' | 'objective' | 'themes' | 'territory' | 'all';

/**
 * The most selective reference first: a chantier's contributors (tens), an objective's chantiers'
 * contributors (hundreds), a theme's tribe, a territory's subtree (a région holds a tenth of the
 * allies), else every ally. Each start has its own query (one plan per shape, STYLE 7); the other
 * conditions are residual filters on the start set.
 */
export function networkStart(f: NetworkFilterParams): NetworkStart {
  if (f.chantier !== null) return 'chantier';
  if (f.objective !== null) return 'objective';
  if (f.themes !== null) return 'themes';
  if (f.territory !== null) return 'territory';
  return 'all';
}

/** The conditions a network filter can have, as named by the sections of cypher/fragments/network/ally-filter.cypher. */
export type NetworkCondition = 'kinds' | 'themes' | 'chantier' | 'objective' | 'territory';

/**
 * The conditions a filter has, for its query shape (shapedQuery: one text and plan per set of
 * conditions present). `except` drops those the query already guarantees: the start's own reference
 * (a chantier's contributors all contribute to it), or the themes of a per-theme statistic.
 */
export function presentConditions(f: NetworkFilterParams, except: readonly string[] = []): NetworkCondition[] {
  const all: NetworkCondition[] = ['kinds', 'themes', 'chantier', 'objective', 'territory'];
  return all.filter((c) => f[c] !== null && !except.includes(c));
}

/** What network/filter-references.cypher answers: which references of the filter do not exist. */
export interface FilterReferences {
  unknownThemes: string[];
  chantierExists: boolean;
  objectiveExists: boolean;
  territoryExists: boolean;
}

/** A reference the filter names that does not exist is a BAD_USER_INPUT naming the argument. */
export function assertFilterReferences(r: FilterReferences, f: NetworkFilterParams): void {
  if (r.unknownThemes.length) {
    throw new BadUserInputError(`filter.themes: unknown theme${r.unknownThemes.length > 1 ? 's' : ''} ${r.unknownThemes.map((s) => `"${s}"`).join(', ')}`, 'filter.themes');
  }
  if (!r.chantierExists) throw new BadUserInputError(`filter.chantier: unknown chantier "${f.chantier}"`, 'filter.chantier');
  if (!r.objectiveExists) throw new BadUserInputError(`filter.objective: unknown Charter objective "${f.objective}"`, 'filter.objective');
  if (!r.territoryExists) throw new BadUserInputError(`filter.territory: no territory "${f.territory}" in the graph`, 'filter.territory');
}
