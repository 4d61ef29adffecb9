import { BadUserInputError } from '../../errors/app-errors';
import { toFullTextQuery } from '../../common/text';
import { parseTerritoryRef } from '../territory/territory-ref';
import { AllyFilter, MatchMode } from './ally.inputs';

/**
 * Criteria of a list of allies (DESIGN §11, step 1): the GraphQL filter and the parent scope
 * (`Territory.allies`, `Theme.allies`, `CharterObjective.allies`, `Chantier`…), validated and
 * normalised into one value the planner reads. Pure: no database. Every condition must hold; a
 * list holds one condition per item (a scope's territory and a filter's territory are two).
 */

/** What a page of allies is restricted to besides the filter: a parent's territory, theme, objective or chantier. */
export interface AllyScope {
  territory?: string;
  theme?: string;
  themeRole?: string;
  objective?: string;
  chantier?: string;
}

/** Works on at least one of `slugs` (with `role`, when given). */
export interface ThemeGroup {
  slugs: string[];
  role: string | null;
}

export interface NearCriterion {
  latitude: number;
  longitude: number;
  radiusKm: number;
}

export interface BoxCriterion {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface AllyCriteria {
  kind: string | null;
  organizationTypes: string[] | null;
  /** Each group must hold (themes ANY: one group; ALL: one group per theme; a theme scope: one more). */
  themeGroups: ThemeGroup[];
  /** Within each of these territory refs (canonical). */
  territories: string[];
  /** Contributing to each of these chantiers (slugs). */
  chantiers: string[];
  /** Contributing to a chantier serving each of these objectives (codes). */
  objectives: string[];
  signedAfter: string | null;
  signedBefore: string | null;
  near: NearCriterion | null;
  bbox: BoxCriterion | null;
  /** A Lucene query (see toFullTextQuery), or null. */
  text: string | null;
  /** The references the filter itself named, checked against the graph (errors name these arguments). */
  named: { argument: string; themes: string[]; chantier: string | null; objective: string | null };
}

/** Validates a territory argument: canonical ref, or BAD_USER_INPUT naming the argument. */
export function territoryArgument(value: string, argument: string): string {
  const parsed = parseTerritoryRef(value);
  if (!parsed.ok) throw new BadUserInputError(`${argument}: ${parsed.message}`, argument);
  return parsed.value.ref;
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

const unique = (xs: string[]) => [...new Set(xs)];

/** The criteria of a list of allies: the filter (validated, BAD_USER_INPUT naming `argument.<field>`) and the scope. */
export function allyCriteria(f: AllyFilter | undefined, scope: AllyScope = {}, argument = 'filter'): AllyCriteria {
  if (f?.near && !(f.near.radiusKm > 0 && f.near.radiusKm <= 2000)) {
    throw new BadUserInputError(`${argument}.near.radiusKm: must be more than 0 and at most 2000 (got ${f.near.radiusKm})`, `${argument}.near.radiusKm`);
  }
  if (f?.within && f.within.south > f.within.north) {
    throw new BadUserInputError(`${argument}.within: south (${f.within.south}) must not be north of north (${f.within.north})`, `${argument}.within`);
  }
  const themes = f?.themes?.length ? unique(f.themes) : [];
  const themeGroups: ThemeGroup[] =
    themes.length === 0 ? [] : f?.themesMatch === MatchMode.ALL ? themes.map((s) => ({ slugs: [s], role: null })) : [{ slugs: themes, role: null }];
  if (scope.theme != null) themeGroups.push({ slugs: [scope.theme], role: scope.themeRole ?? null });
  const territories = [
    ...(scope.territory != null ? [scope.territory] : []),
    ...(f?.territory != null ? [territoryArgument(f.territory, `${argument}.territory`)] : []),
  ];
  const chantiers = [...(scope.chantier != null ? [scope.chantier] : []), ...(f?.chantier != null ? [f.chantier] : [])];
  const objectives = [...(scope.objective != null ? [scope.objective] : []), ...(f?.objective != null ? [f.objective] : [])];
  return {
    kind: f?.kind ?? null,
    organizationTypes: f?.organizationTypes?.length ? unique(f.organizationTypes) : null,
    themeGroups,
    territories: unique(territories),
    chantiers: unique(chantiers),
    objectives: unique(objectives),
    signedAfter: isoDate(f?.signedAfter),
    signedBefore: isoDate(f?.signedBefore),
    near: f?.near ? { latitude: f.near.latitude, longitude: f.near.longitude, radiusKm: f.near.radiusKm } : null,
    bbox: f?.within ? { south: f.within.south, west: f.within.west, north: f.within.north, east: f.within.east } : null,
    text: f?.text != null ? textArgument(f.text, `${argument}.text`) : null,
    named: { argument, themes, chantier: f?.chantier ?? null, objective: f?.objective ?? null },
  };
}
