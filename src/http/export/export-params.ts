import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../../errors/app-errors';
import { AllyKind, OrganizationType } from '../../modules/ally/ally.types';
import type { AllyFilter, BoundingBoxInput } from '../../modules/ally/ally.inputs';
import { MatchMode } from '../../modules/ally/ally.inputs';
import type { ChantierFilter } from '../../modules/chantier/chantier.inputs';
import { ChantierKind, ChantierStatus } from '../../modules/chantier/chantier.types';
import type { NetworkFilter } from '../../modules/network/network.types';
import { NetworkProjection } from '../../modules/network/network.types';
import type { TerritoryLevel } from '../../modules/territory/territory-ref';

/**
 * The query parameters of the exports (README "Exports"), read into the API's own filter inputs
 * (AllyFilter, ChantierFilter, NetworkFilter) so that they go through the same criteria, the same
 * validation and the same planner as GraphQL. Pure: no database.
 *
 * A parameter takes the name of the filter field it feeds; a list field is singular and repeated
 * (`theme=energie&theme=alimentation` for `themes`). An unknown parameter, a repeated scalar one or a
 * malformed value is BAD_USER_INPUT naming the parameter (`extensions.parameter`); errors the shared
 * validation raises later name the GraphQL argument (`filter.themes`), and `asParameterError` maps
 * them back to the parameter.
 */

export type Query = Record<string, unknown>;

/** A parameter's name for each filter argument the shared validation may name. */
const PARAMETER_OF: Record<string, string> = {
  'filter.themes': 'theme',
  'filter.themesMatch': 'themesMatch',
  'filter.territory': 'territory',
  'filter.chantier': 'chantier',
  'filter.objective': 'objective',
  'filter.kind': 'kind',
  'filter.kinds': 'kind',
  'filter.organizationTypes': 'organizationType',
  'filter.status': 'status',
  'filter.participant': 'participant',
  'filter.text': 'text',
  'filter.within': 'bbox',
  'filter.signedAfter': 'signedAfter',
  'filter.signedBefore': 'signedBefore',
  maxNodes: 'maxNodes',
  maxEdges: 'maxEdges',
  within: 'within',
  level: 'level',
};

/** BAD_USER_INPUT for a query parameter: the message starts with its name, `extensions.parameter` is it. */
export class ParameterError extends BadUserInputError {
  constructor(readonly parameter: string, message: string) {
    super(`${parameter}: ${message}`, parameter);
    this.extensions.parameter = parameter;
  }
}

/** An error of the shared validation (naming `filter.x`) as the same error naming the parameter; others unchanged. */
export function asParameterError(err: unknown): unknown {
  if (err instanceof ParameterError || !(err instanceof GraphQLError) || err.extensions?.code !== 'BAD_USER_INPUT') return err;
  const argument = String(err.extensions.argument ?? '');
  const parameter = PARAMETER_OF[argument];
  if (!parameter) return err;
  const message = err.message.startsWith(`${argument}: `) ? err.message.slice(argument.length + 2) : err.message;
  return new ParameterError(parameter, message);
}

/** Every value given for `name` (Express parses `a=1&a=2` to an array). */
function values(q: Query, name: string): string[] {
  const v = q[name];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((x) => typeof x === 'string')) throw new ParameterError(name, 'give plain values (name=value), not nested ones');
  return list as string[];
}

/** At most one value, non-empty. */
function single(q: Query, name: string): string | undefined {
  const list = values(q, name);
  if (list.length > 1) throw new ParameterError(name, `give it once (got ${list.length} values)`);
  if (list.length === 1 && list[0].trim() === '') throw new ParameterError(name, 'give a value, or leave the parameter out');
  return list[0]?.trim();
}

/** Each value non-empty; `a,b` also splits (a value never holds a comma: slugs, codes, enum names). */
function many(q: Query, name: string): string[] {
  const out = values(q, name).flatMap((v) => v.split(',')).map((v) => v.trim());
  if (out.some((v) => v === '')) throw new ParameterError(name, 'give a value, or leave the parameter out');
  return out;
}

function enumValue<E extends string>(name: string, value: string, allowed: readonly E[]): E {
  if (!(allowed as readonly string[]).includes(value)) throw new ParameterError(name, `"${value}" is not one of ${allowed.join(', ')}`);
  return value as E;
}

function date(q: Query, name: string): string | undefined {
  const v = single(q, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
    throw new ParameterError(name, `"${v}" is not a date; give YYYY-MM-DD`);
  }
  return v;
}

function integer(q: Query, name: string): number | undefined {
  const v = single(q, name);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw new ParameterError(name, `"${v}" is not a whole number`);
  return Number(v);
}

/** Refuses parameters the export does not know (a typo must not silently export everything). */
function onlyKnown(q: Query, known: readonly string[]): void {
  for (const name of Object.keys(q)) {
    if (!known.includes(name)) throw new ParameterError(name, `unknown parameter; this export takes ${known.join(', ')}`);
  }
}

/** `bbox=west,south,east,north` (the map's visible extent, degrees WGS 84); east < west crosses the antimeridian. */
export function bboxParameter(q: Query): BoundingBoxInput | undefined {
  const v = single(q, 'bbox');
  if (v === undefined) return undefined;
  const parts = v.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((s) => s === '') || nums.some((n) => !Number.isFinite(n))) {
    throw new ParameterError('bbox', `"${v}" is not west,south,east,north (four numbers, degrees)`);
  }
  const [west, south, east, north] = nums;
  if (west < -180 || west > 180 || east < -180 || east > 180) throw new ParameterError('bbox', 'west and east must be longitudes, between -180 and 180');
  if (south < -90 || south > 90 || north < -90 || north > 90) throw new ParameterError('bbox', 'south and north must be latitudes, between -90 and 90');
  if (south > north) throw new ParameterError('bbox', `south (${south}) must not be north of north (${north})`);
  return { west, south, east, north };
}

/** True when [lon, lat] lies in the box (edges included; a box with east < west crosses the antimeridian). */
export function inBbox(b: BoundingBoxInput, lon: number, lat: number): boolean {
  if (lat < b.south || lat > b.north) return false;
  return b.west <= b.east ? lon >= b.west && lon <= b.east : lon >= b.west || lon <= b.east;
}

export const ALLY_PARAMETERS = ['theme', 'themesMatch', 'territory', 'chantier', 'objective', 'kind', 'organizationType', 'signedAfter', 'signedBefore', 'text', 'bbox'] as const;

/**
 * The allies export's parameters as an AllyFilter, and the box. The box is not the filter's
 * `within` (allies located in it): it applies to each feature's position, which for an ally without
 * its own location is its seat's centre, so that the layer clipped to a view shows what the whole
 * layer shows there.
 */
export function allyExportParams(q: Query): { filter: AllyFilter; bbox: BoundingBoxInput | undefined } {
  onlyKnown(q, ALLY_PARAMETERS);
  const filter: AllyFilter = {};
  const themes = many(q, 'theme');
  if (themes.length) filter.themes = themes;
  const match = single(q, 'themesMatch');
  if (match !== undefined) filter.themesMatch = enumValue('themesMatch', match, Object.values(MatchMode));
  filter.territory = single(q, 'territory');
  filter.chantier = single(q, 'chantier');
  filter.objective = single(q, 'objective');
  const kind = single(q, 'kind');
  if (kind !== undefined) filter.kind = enumValue('kind', kind, Object.values(AllyKind));
  const types = many(q, 'organizationType').map((t) => enumValue('organizationType', t, Object.values(OrganizationType)));
  if (types.length) filter.organizationTypes = types;
  filter.signedAfter = date(q, 'signedAfter');
  filter.signedBefore = date(q, 'signedBefore');
  filter.text = single(q, 'text');
  return { filter: dropUndefined(filter), bbox: bboxParameter(q) };
}

export const CHANTIER_PARAMETERS = ['theme', 'territory', 'objective', 'status', 'kind', 'participant', 'text', 'bbox'] as const;

/** The chantiers export's parameters as a ChantierFilter, and the box (applied to each feature's position). */
export function chantierExportParams(q: Query): { filter: ChantierFilter; bbox: BoundingBoxInput | undefined } {
  onlyKnown(q, CHANTIER_PARAMETERS);
  const filter: ChantierFilter = {};
  const themes = many(q, 'theme');
  if (themes.length) filter.themes = themes;
  filter.territory = single(q, 'territory');
  filter.objective = single(q, 'objective');
  const status = many(q, 'status').map((s) => enumValue('status', s, Object.values(ChantierStatus)));
  if (status.length) filter.status = status;
  const kind = single(q, 'kind');
  if (kind !== undefined) filter.kind = enumValue('kind', kind, Object.values(ChantierKind));
  filter.participant = single(q, 'participant');
  filter.text = single(q, 'text');
  return { filter: dropUndefined(filter), bbox: bboxParameter(q) };
}

const NETWORK_FILTER_PARAMETERS = ['theme', 'territory', 'objective', 'chantier', 'kind'] as const;

function networkFilter(q: Query): NetworkFilter {
  const filter: NetworkFilter = {};
  const themes = many(q, 'theme');
  if (themes.length) filter.themes = themes;
  filter.territory = single(q, 'territory');
  filter.objective = single(q, 'objective');
  filter.chantier = single(q, 'chantier');
  const kinds = many(q, 'kind').map((k) => enumValue('kind', k, Object.values(AllyKind)));
  if (kinds.length) filter.kinds = kinds;
  return dropUndefined(filter);
}

export const NETWORK_PARAMETERS = [...NETWORK_FILTER_PARAMETERS, 'projection', 'maxNodes', 'maxEdges', 'colorBy'] as const;
export type ColorBy = 'type' | 'community';

/** The network exports' parameters: the `network` query's filter, projection, maxNodes and maxEdges, and how to colour. */
export function networkExportParams(q: Query): { filter: NetworkFilter; projection: NetworkProjection; maxNodes: number | undefined; maxEdges: number | undefined; colorBy: ColorBy } {
  onlyKnown(q, NETWORK_PARAMETERS);
  const projection = single(q, 'projection');
  const colorBy = single(q, 'colorBy');
  return {
    filter: networkFilter(q),
    projection: projection === undefined ? NetworkProjection.BIPARTITE : enumValue('projection', projection, Object.values(NetworkProjection)),
    maxNodes: integer(q, 'maxNodes'),
    maxEdges: integer(q, 'maxEdges'),
    colorBy: colorBy === undefined ? 'type' : enumValue('colorBy', colorBy, ['type', 'community'] as const),
  };
}

export const STATS_PARAMETERS = [...NETWORK_FILTER_PARAMETERS, 'level', 'within'] as const;
const STATS_LEVELS: readonly TerritoryLevel[] = ['REGION', 'DEPARTEMENT', 'EPCI', 'COMMUNE'];

/** The territory statistics export's parameters: `territoryStats`'s level (required), within and filter. */
export function statsExportParams(q: Query): { level: TerritoryLevel; within: string | undefined; filter: NetworkFilter } {
  onlyKnown(q, STATS_PARAMETERS);
  const level = single(q, 'level');
  if (level === undefined) throw new ParameterError('level', `required: one of ${STATS_LEVELS.join(', ')}`);
  return { level: enumValue('level', level.toUpperCase(), STATS_LEVELS), within: single(q, 'within'), filter: networkFilter(q) };
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
