import neo4j from 'neo4j-driver';
import { composedQuery, cypherFragment, CypherQuery } from '../../db/cypher-registry';
import { CHANTIER_RESIDUALS, ChantierOrderField, ChantierPlan, ChantierStart } from './chantier.plan';

/**
 * The Cypher of each chantier query shape, composed from the fixed fragments of
 * cypher/fragments/chantier.cypher (see ally.shapes.ts: same layout, same rules).
 */
export const CHANTIER_STARTS: readonly ChantierStart[] = ['objective', 'theme', 'territory', 'participant', 'text', 'title-index', 'all'];
export const CHANTIER_ORDERS: readonly ChantierOrderField[] = ['TITLE', 'VALIDATED_ON', 'CREATED_AT'];

/** Parameters of the types the repository sends (see CypherQuery.sample): warm-up plans each shape with them. */
const SAMPLE_SCOPES = [{ key: '0', c: { start: '-', status: null, kind: null, objectives: [], themeGroups: [], territories: [], participants: [], text: null } }];
const countSample = { scopes: SAMPLE_SCOPES, canSeePrivate: false, canSeeEmails: false };
const pageSample = (desc: boolean) => ({ ...countSample, desc, afterKey: null, afterId: null, limit: neo4j.int(21), fromKey: '' });

const fragment = (name: string) => cypherFragment('chantier', name);

export type ChantierShape = Pick<ChantierPlan, 'start' | 'residuals'>;

function shapeName(kind: 'page' | 'count', shape: ChantierShape, suffix = ''): string {
  const residuals = CHANTIER_RESIDUALS.filter((r) => shape.residuals.includes(r));
  return `chantier/${kind}-from-${shape.start}${residuals.map((r) => `+${r}`).join('')}${suffix}`;
}

/** The start, privacy and residual filters of a shape (see ally.shapes.ts). */
export function filterParts(shape: ChantierShape, desc: boolean): string[] {
  const residuals = CHANTIER_RESIDUALS.filter((r) => shape.residuals.includes(r));
  const text = residuals.includes('text');
  const start = shape.start === 'title-index' ? `start-title-${desc ? 'desc' : 'asc'}` : `start-${shape.start}`;
  return [
    fragment('open'),
    text ? fragment('text-prelude') : '',
    fragment(start),
    fragment(text ? 'where-text' : 'where'),
    ...residuals.map((r) => fragment(`residual-${r}`)),
  ];
}

export function chantierPageQuery(shape: ChantierShape, order: ChantierOrderField, desc: boolean): CypherQuery {
  if (shape.start === 'title-index' && order !== 'TITLE') throw new Error(`the title index cannot serve the order ${order}`);
  const dir = desc ? 'desc' : 'asc';
  return composedQuery(shapeName('page', shape, `/${order}-${dir.toUpperCase()}`), () => {
    const key = { TITLE: 'key-title', VALIDATED_ON: `key-validated-on-${dir}`, CREATED_AT: 'key-created-at' }[order];
    const tail = shape.start === 'title-index' ? [fragment(`order-title-index-${dir}`)] : [fragment(`keyset-${dir}`), fragment(`order-${dir}`)];
    return [...filterParts(shape, desc), fragment(key), ...tail, fragment('project')];
  }, pageSample(desc));
}

export function chantierCountQuery(shape: ChantierShape): CypherQuery {
  const counted: ChantierShape = { start: shape.start === 'title-index' ? 'all' : shape.start, residuals: shape.residuals };
  return composedQuery(shapeName('count', counted), () => [...filterParts(counted, false), fragment('count')], countSample);
}

/** Every shape without residual filters: what warm-up plans and the plan tests EXPLAIN at least. */
export function baseChantierShapes(): { query: CypherQuery; shape: ChantierShape; order: ChantierOrderField | null }[] {
  const out: { query: CypherQuery; shape: ChantierShape; order: ChantierOrderField | null }[] = [];
  for (const start of CHANTIER_STARTS) {
    const shape = { start, residuals: [] };
    if (start !== 'title-index') out.push({ query: chantierCountQuery(shape), shape, order: null });
    for (const order of CHANTIER_ORDERS) {
      if (start === 'title-index' && order !== 'TITLE') continue;
      for (const desc of [false, true]) out.push({ query: chantierPageQuery(shape, order, desc), shape, order });
    }
  }
  return out;
}
