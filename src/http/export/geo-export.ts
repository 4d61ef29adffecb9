import neo4j from 'neo4j-driver';
import type { Context } from '../../context';
import { composedQuery, cypherFragment, CypherQuery } from '../../db/cypher-registry';
import { toGlobalId } from '../../common/relay';
import { privacyParams } from '../../modules/node/node.repository';
import { allyCriteria } from '../../modules/ally/ally.filter';
import { planAllyCriteria } from '../../modules/ally/ally.repository';
import { ALLY_RESIDUALS, AllyResidual } from '../../modules/ally/ally.plan';
import { ALLY_STARTS, AllyShape, filterParts as allyFilterParts } from '../../modules/ally/ally.shapes';
import { chantierCriteria } from '../../modules/chantier/chantier.filter';
import { planChantierCriteria } from '../../modules/chantier/chantier.repository';
import { CHANTIER_RESIDUALS, ChantierResidual } from '../../modules/chantier/chantier.plan';
import { CHANTIER_STARTS, ChantierShape, filterParts as chantierFilterParts } from '../../modules/chantier/chantier.shapes';
import type { BoundingBoxInput } from '../../modules/ally/ally.inputs';
import { allyExportParams, asParameterError, chantierExportParams, inBbox, Query } from './export-params';

/**
 * The map exports (RFC 7946 FeatureCollections of allies and chantiers), read a page at a time.
 *
 * The selection is the list's own: the export's parameters become the list's filter input, then its
 * criteria (same validation), its plan (same references, same starting set, same residual filters,
 * same privacy predicate) and its query head (`filterParts`); the export adds its own tail
 * (cypher/fragments/export.cypher): a keyset page in the list's name order with a feature's
 * projection, or the count of the selection without a position. Pages are read in their own read
 * transactions, PAGE_SIZE rows each, after the previous one was written out; nothing holds more than
 * one page.
 */

export const PAGE_SIZE = 1000;

/** At most 6 decimals (about 0.1 m), as RFC 7946 §11.2 recommends for precision that means something. */
export function roundCoordinate(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export interface Point {
  latitude: number;
  longitude: number;
}

export interface Feature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

/** A prepared export: parameters validated and the plan made (errors are thrown before anything is sent). */
export interface GeoExport {
  /** What a client reads before the body: how many of the selection have no position (they are left out). */
  omitted: number;
  /**
   * Streams the features in name order (title for chantiers), then by id: `emit` gets each feature's
   * JSON text as its record arrives; `drained` is awaited between pages (the socket's backpressure).
   * Resolves to how many rows had no position.
   */
  stream(emit: (json: string) => void, drained: () => Promise<void>): Promise<number>;
}

const fragment = (name: string) => cypherFragment('export', name);

function shapeSuffix(residuals: readonly string[], all: readonly string[]): string {
  return all.filter((r) => residuals.includes(r)).map((r) => `+${r}`).join('');
}

const pageSample = {
  scopes: [{ key: '0', c: {} }],
  canSeePrivate: false,
  canSeeEmails: false,
  afterKey: null,
  afterId: null,
  fromKey: '',
  limit: neo4j.int(PAGE_SIZE),
};

/** The allies page of an export: the list's head for the shape, the name order, the feature's projection. */
function allyFeaturePage(shape: AllyShape): CypherQuery {
  const index = shape.start === 'name-index';
  return composedQuery(`export/ally-features-from-${shape.start}${shapeSuffix(shape.residuals, ALLY_RESIDUALS)}`, () => [
    ...allyFilterParts(shape, false),
    cypherFragment('ally', 'key-name'),
    ...(index ? [cypherFragment('ally', 'order-name-index-asc')] : [cypherFragment('ally', 'keyset-asc'), cypherFragment('ally', 'order-asc')]),
    fragment('ally-feature'),
  ], pageSample);
}

function allyUnpositionedCount(shape: AllyShape): CypherQuery {
  return composedQuery(`export/ally-unpositioned-from-${shape.start}${shapeSuffix(shape.residuals, ALLY_RESIDUALS)}`, () => [
    ...allyFilterParts(shape, false),
    fragment('ally-unpositioned-count'),
  ], pageSample);
}

function chantierFeaturePage(shape: ChantierShape): CypherQuery {
  const index = shape.start === 'title-index';
  return composedQuery(`export/chantier-features-from-${shape.start}${shapeSuffix(shape.residuals, CHANTIER_RESIDUALS)}`, () => [
    ...chantierFilterParts(shape, false),
    cypherFragment('chantier', 'key-title'),
    ...(index ? [cypherFragment('chantier', 'order-title-index-asc')] : [cypherFragment('chantier', 'keyset-asc'), cypherFragment('chantier', 'order-asc')]),
    fragment('chantier-feature'),
  ], pageSample);
}

function chantierUnpositionedCount(shape: ChantierShape): CypherQuery {
  return composedQuery(`export/chantier-unpositioned-from-${shape.start}${shapeSuffix(shape.residuals, CHANTIER_RESIDUALS)}`, () => [
    ...chantierFilterParts(shape, false),
    fragment('chantier-unpositioned-count'),
  ], pageSample);
}

/**
 * The export queries of every start, bare (`withResiduals` false: what warm-up plans, as it plans the
 * lists' base shapes) or with every residual filter the start leaves (for the EXPLAIN test).
 */
export function exportShapes(withResiduals = false): CypherQuery[] {
  const out: CypherQuery[] = [];
  for (const start of ALLY_STARTS) {
    const residuals: AllyResidual[] = withResiduals ? ALLY_RESIDUALS.filter((r) => r !== start) : [];
    out.push(allyFeaturePage({ start, residuals }));
    if (start !== 'name-index') out.push(allyUnpositionedCount({ start, residuals }));
  }
  for (const start of CHANTIER_STARTS) {
    const residuals: ChantierResidual[] = withResiduals ? CHANTIER_RESIDUALS.filter((r) => r !== start) : [];
    out.push(chantierFeaturePage({ start, residuals }));
    if (start !== 'title-index') out.push(chantierUnpositionedCount({ start, residuals }));
  }
  return out;
}

/** The shapes of the whole layers (no filter): the ones warm-up plans (the others are planned on first use). */
export function wholeLayerShapes(): CypherQuery[] {
  return [
    allyFeaturePage({ start: 'name-index', residuals: [] }),
    allyUnpositionedCount({ start: 'all', residuals: [] }),
    chantierFeaturePage({ start: 'title-index', residuals: [] }),
    chantierUnpositionedCount({ start: 'all', residuals: [] }),
  ];
}

interface Row {
  sortKey: string;
  id: string;
  item: Record<string, unknown>;
}

/**
 * Streams a query's pages by keyset (sortKey, id), each in its own read transaction, each row made
 * into its feature's JSON text and handed on as its record arrives (Database.readEach): nothing holds a
 * page of records, objects or texts, which would outlive V8's young generation and grow the heap
 * (measured at 100k allies: +131 MB of resident memory when a page of 1,000 features was kept and
 * written at once, +87 MB when only its texts were kept). A transaction the driver retries sends its
 * page again: rows already handed on (by id) are skipped. The first page is asked for at once (while
 * the caller counts what will be omitted, so that the first feature follows the headers without
 * another wait) and kept until the body starts; each next page only once the previous one was
 * written out and the socket drained.
 */
function keysetStream(ctx: Context, query: CypherQuery, c: unknown, toJson: (row: Row) => string | null | undefined): GeoExport['stream'] {
  let sink: ((json: string) => void) | null = null;
  const early: string[] = [];
  let omitted = 0;
  const readPage = async (after: { key: string; id: string } | null) => {
    const seen = new Set<string>();
    let last: { key: string; id: string } | null = null;
    await ctx.db.readEach<Row>(
      query,
      {
        scopes: [{ key: '0', c }],
        afterKey: after?.key ?? null,
        afterId: after?.id ?? null,
        fromKey: after?.key ?? '',
        limit: neo4j.int(PAGE_SIZE),
        ...privacyParams(ctx),
      },
      (r) => {
        if (seen.has(r.id)) return;
        seen.add(r.id);
        last = { key: r.sortKey, id: r.id };
        const json = toJson(r);
        if (json === null) omitted += 1;
        else if (json === undefined) return;
        else if (sink) sink(json);
        else early.push(json);
      },
    );
    return { rows: seen.size, last };
  };
  const firstPage = readPage(null);
  // Read now, awaited by stream(): a failure is not an unhandled rejection meanwhile.
  firstPage.catch(() => undefined);
  return async (emit, drained) => {
    let page = await firstPage;
    for (const json of early.splice(0)) emit(json);
    sink = emit;
    while (page.rows === PAGE_SIZE && page.last) {
      await drained();
      page = await readPage(page.last);
    }
    return omitted;
  };
}

/** A row's feature as JSON, null without a position, undefined outside the bbox. */
function featureJson(toFeature: (item: Record<string, unknown>, id: string) => Feature | null, bbox: BoundingBoxInput | undefined): (row: Row) => string | null | undefined {
  return (r) => {
    const f = toFeature(r.item, r.id);
    return !f ? null : !bbox || inBbox(bbox, f.geometry.coordinates[0], f.geometry.coordinates[1]) ? JSON.stringify(f) : undefined;
  };
}

async function count(ctx: Context, query: CypherQuery, c: unknown): Promise<number> {
  const rows = await ctx.db.read<{ total: number }>(query, { scopes: [{ key: '0', c }], ...privacyParams(ctx) });
  return rows[0]?.total ?? 0;
}

/** A GraphQL request (GET) that reads the object in full: `curl -H 'apollo-require-preflight: true' <url>`. */
function apiLink(base: string, field: 'ally' | 'chantier', slug: string): string {
  return `${base}/graphql?query=${encodeURIComponent(`{ ${field}(slug: ${JSON.stringify(slug)}) { id name: ${field === 'ally' ? 'name' : 'title'} } }`)}`;
}

const first = <T>(xs: unknown): T | null => (Array.isArray(xs) && xs.length ? (xs[0] as T) : null);

/** An ally as a feature at its location, else at its seat's centre; null when it has neither. */
export function allyFeature(item: Record<string, unknown>, id: string, base: string): Feature | null {
  const own = item.location as Point | null | undefined;
  const seat = first<Point>(item.seatCenter);
  const at = own ?? seat;
  if (!at) return null;
  const slug = String(item.slug);
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [roundCoordinate(at.longitude), roundCoordinate(at.latitude)] },
    properties: {
      id,
      nodeId: toGlobalId('Ally', id),
      slug,
      name: item.name ?? null,
      kind: item.kind ?? null,
      organizationType: item.organizationType ?? null,
      themes: item.themes ?? [],
      basedIn: first<string>(item.basedIn),
      actsIn: item.actsIn ?? [],
      position: own ? 'location' : 'seat',
      api: apiLink(base, 'ally', slug),
    },
  };
}

/** A chantier as a feature at the centre of its most local territory; null when none has a centre. */
export function chantierFeature(item: Record<string, unknown>, id: string, base: string): Feature | null {
  const at = first<Point>(item.center);
  if (!at) return null;
  const slug = String(item.slug);
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [roundCoordinate(at.longitude), roundCoordinate(at.latitude)] },
    properties: {
      id,
      nodeId: toGlobalId('Chantier', id),
      slug,
      name: item.title ?? null,
      kind: item.kind ?? null,
      status: item.status ?? null,
      themes: item.themes ?? [],
      objectives: item.objectives ?? [],
      territories: item.territories ?? [],
      api: apiLink(base, 'chantier', slug),
    },
  };
}

const NOTHING: GeoExport = { omitted: 0, stream: async () => 0 };

/** The allies export for these parameters: validated, planned, and the count of those without a position read. */
export async function prepareAllyExport(ctx: Context, q: Query, base: string): Promise<GeoExport> {
  try {
    const { filter, bbox } = allyExportParams(q);
    const plan = await planAllyCriteria(ctx, allyCriteria(filter));
    if (plan.empty) return NOTHING;
    // Counting has no order; a page in name order with nothing selective reads the name index in order.
    const pageShape: AllyShape = { start: plan.start === 'all' ? 'name-index' : plan.start, residuals: plan.residuals };
    const stream = keysetStream(ctx, allyFeaturePage(pageShape), plan.params, featureJson((item, id) => allyFeature(item, id, base), bbox));
    const omitted = await count(ctx, allyUnpositionedCount(plan), plan.params);
    return { omitted, stream };
  } catch (err) {
    throw asParameterError(err);
  }
}

/** The chantiers export for these parameters (see prepareAllyExport). */
export async function prepareChantierExport(ctx: Context, q: Query, base: string): Promise<GeoExport> {
  try {
    const { filter, bbox } = chantierExportParams(q);
    const plan = await planChantierCriteria(ctx, chantierCriteria(filter));
    if (plan.empty) return NOTHING;
    const pageShape: ChantierShape = { start: plan.start === 'all' ? 'title-index' : plan.start, residuals: plan.residuals };
    const stream = keysetStream(ctx, chantierFeaturePage(pageShape), plan.params, featureJson((item, id) => chantierFeature(item, id, base), bbox));
    const omitted = await count(ctx, chantierUnpositionedCount(plan), plan.params);
    return { omitted, stream };
  } catch (err) {
    throw asParameterError(err);
  }
}
