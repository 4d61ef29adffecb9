import neo4j from 'neo4j-driver';
import { composedQuery, cypherFragment, CypherQuery } from '../../db/cypher-registry';
import { ALLY_RESIDUALS, AllyOrderField, AllyPlan, AllyResidual, AllyStart } from './ally.plan';

/**
 * The Cypher of each ally query shape (DESIGN §11, step 4), composed from the fixed fragments of
 * cypher/fragments/ally.cypher: start, the residual filters present (in a fixed order), privacy,
 * then the count, or the order's sort key, keyset, ORDER BY … LIMIT and projection. One text per
 * shape, made once and kept by the registry (so Neo4j caches one plan per shape and tests can
 * EXPLAIN each). Nothing of the user's goes into a text: the shape's name is made of fixed words.
 */

export const ALLY_STARTS: readonly AllyStart[] = ['chantier', 'objective', 'theme', 'territory', 'text', 'near', 'bbox', 'name-index', 'all'];
export const ALLY_ORDERS: readonly AllyOrderField[] = ['NAME', 'CHARTER_SIGNED_ON', 'DEGREE', 'CREATED_AT'];

/** Parameters of the types the repository sends (see CypherQuery.sample): warm-up plans each shape with them. */
const SAMPLE_SCOPES = [{ key: '0', c: { start: '-', startRole: null, kind: null, organizationTypes: null, themeGroups: [], territories: [], chantiers: [], objectives: [], signedAfter: null, signedBefore: null, near: null, bbox: null, text: null } }];
const countSample = { scopes: SAMPLE_SCOPES, canSeePrivate: false, canSeeEmails: false };
const pageSample = (desc: boolean) => ({ ...countSample, desc, afterKey: null, afterId: null, limit: neo4j.int(21), fromKey: '' });

const fragment = (name: string) => cypherFragment('ally', name);

export type AllyShape = Pick<AllyPlan, 'start' | 'residuals'>;

function shapeName(kind: 'page' | 'count', shape: AllyShape, suffix = ''): string {
  const residuals = ALLY_RESIDUALS.filter((r) => shape.residuals.includes(r));
  return `ally/${kind}-from-${shape.start}${residuals.map((r) => `+${r}`).join('')}${suffix}`;
}

/** The start, privacy and residual filters of a shape (what its page and count queries share; exports compose their own tails). */
export function filterParts(shape: AllyShape, desc: boolean): string[] {
  const residuals = ALLY_RESIDUALS.filter((r: AllyResidual) => shape.residuals.includes(r));
  const text = residuals.includes('text');
  const start = shape.start === 'name-index' ? `start-name-${desc ? 'desc' : 'asc'}` : `start-${shape.start}`;
  return [
    fragment('open'),
    text ? fragment('text-prelude') : '',
    fragment(start),
    fragment(text ? 'where-text' : 'where'),
    ...residuals.map((r) => fragment(`residual-${r}`)),
  ];
}

/** The page query of a shape, for an order and the direction it reads in (already flipped for `last`). */
export function allyPageQuery(shape: AllyShape, order: AllyOrderField, desc: boolean): CypherQuery {
  if (shape.start === 'name-index' && order !== 'NAME') throw new Error(`the name index cannot serve the order ${order}`);
  const dir = desc ? 'desc' : 'asc';
  return composedQuery(shapeName('page', shape, `/${order}-${dir.toUpperCase()}`), () => {
    const key = {
      NAME: 'key-name',
      CHARTER_SIGNED_ON: `key-charter-signed-on-${dir}`,
      CREATED_AT: 'key-created-at',
      DEGREE: 'key-degree',
    }[order];
    const tail = shape.start === 'name-index' ? [fragment(`order-name-index-${dir}`)] : [fragment(`keyset-${dir}`), fragment(`order-${dir}`)];
    return [...filterParts(shape, desc), fragment(key), ...tail, fragment(order === 'DEGREE' ? 'project-degree' : 'project')];
  }, pageSample(desc));
}

/** The count query of a shape: from its start, no sort, no projection. */
export function allyCountQuery(shape: AllyShape): CypherQuery {
  const counted: AllyShape = { start: shape.start === 'name-index' ? 'all' : shape.start, residuals: shape.residuals };
  return composedQuery(shapeName('count', counted), () => [...filterParts(counted, false), fragment('count')], countSample);
}

/** Every shape without residual filters: what warm-up plans and the plan tests EXPLAIN at least. */
export function baseAllyShapes(): { query: CypherQuery; shape: AllyShape; order: AllyOrderField | null }[] {
  const out: { query: CypherQuery; shape: AllyShape; order: AllyOrderField | null }[] = [];
  for (const start of ALLY_STARTS) {
    const shape = { start, residuals: [] };
    if (start !== 'name-index') out.push({ query: allyCountQuery(shape), shape, order: null });
    for (const order of ALLY_ORDERS) {
      if (start === 'name-index' && order !== 'NAME') continue;
      for (const desc of [false, true]) out.push({ query: allyPageQuery(shape, order, desc), shape, order });
    }
  }
  return out;
}
