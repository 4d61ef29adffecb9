import '../../src/schema';
import { boundQueries, composedQueries, CypherQuery, shapedQuery, visible } from '../../src/db/cypher-registry';
import { ALLY_RESIDUALS } from '../../src/modules/ally/ally.plan';
import { allyCountQuery, allyPageQuery, ALLY_ORDERS, ALLY_STARTS, INDEX_STARTS } from '../../src/modules/ally/ally.shapes';
import { CHANTIER_RESIDUALS } from '../../src/modules/chantier/chantier.plan';
import { chantierCountQuery, chantierPageQuery, CHANTIER_ORDERS, CHANTIER_STARTS } from '../../src/modules/chantier/chantier.shapes';
import { relationPageShapes } from '../../src/modules/node/related.shapes';

/**
 * STYLE 13 and DESIGN §3: the visibility predicate exists once (cypher/fragments/privacy.cypher,
 * written into queries as @visible(x)), and every query of the API that returns or counts allies
 * applies it to each node that may be an ally. Checked on the final text of every query: the files
 * the repositories bind and every composed list shape (each start × order × direction, bare and with
 * every residual filter), and every relation page shape.
 */

/** Queries that are not the API's reads of allies, and why. */
const EXEMPT: Record<string, string> = {
  'node/read-references': 'planner estimates (counts of a tribe, of all allies), never returned; its ally keys do apply it (and its variants by the kinds present)',
};
const NOT_API = /^(bundle|migration)\//; // import/export of the data steward, migrations: not anonymous reads

function everyShape(): CypherQuery[] {
  for (const start of ALLY_STARTS) {
    for (const residuals of [[], [...ALLY_RESIDUALS]]) {
      const shape = { start, residuals: residuals.filter((r) => r !== start) };
      allyCountQuery(shape);
      for (const order of ALLY_ORDERS) {
        if (INDEX_STARTS[start] && order !== INDEX_STARTS[start]) continue;
        for (const desc of [false, true]) for (const privateDegrees of [false, true]) allyPageQuery(shape, order, desc, privateDegrees);
      }
    }
  }
  for (const start of CHANTIER_STARTS) {
    for (const residuals of [[], [...CHANTIER_RESIDUALS]]) {
      const shape = { start, residuals: residuals.filter((r) => r !== start) };
      chantierCountQuery(shape);
      for (const order of CHANTIER_ORDERS) if (start !== 'title-index' || order === 'TITLE') for (const desc of [false, true]) chantierPageQuery(shape, order, desc);
    }
  }
  // The network's start sets and the statistics, bare and with every condition.
  const conditions = ['kinds', 'themes', 'chantier', 'objective', 'territory'];
  for (const name of ['network/allies-all', 'network/allies-from-themes', 'network/allies-from-territory', 'network/allies-from-chantier', 'network/allies-from-objective', 'stats/territory-stats', 'stats/territory-stats-by-level', 'stats/territory-stats-from-allies', 'stats/theme-stats']) {
    shapedQuery(name, []);
    shapedQuery(name, conditions);
  }
  relationPageShapes(); // the relation pages by shape, and by-keys with a page
  return composedQueries();
}

/** Exempt: the query itself or one of its variants (`<name>/<variant>`). */
const exempt = (name: string) => Object.keys(EXEMPT).some((e) => name === e || name.startsWith(`${e}/`));
const queries = [...boundQueries(), ...everyShape()].filter((q) => !NOT_API.test(q.name) && !exempt(q.name));

describe('the privacy predicate', () => {
  it('is found in the composed shapes and bound files (the registry is populated)', () => {
    expect(queries.length).toBeGreaterThan(100);
  });

  it.each(queries.map((q) => [q.name, q] as const))('%s applies it to every node that may be an ally, and has no copy of its own', (_name, q) => {
    const text = q.text.replace(/\/\/[^\n]*/g, '');
    // Every variable matched as an ally (Ally, Person, Organization) is filtered by the predicate.
    for (const [, variable] of text.matchAll(/(?:\(|WHERE )(\w+):(?:Ally|Person|Organization)\b/g)) expect(text).toContain(visible(variable));
    // Every untyped neighbour a query reads (a node's relations, its degree) may be a person too,
    // except a parent matched by element id (read, and so checked, by the loader that gave it).
    const typed = new Set([...text.matchAll(/(?:\(|WHERE )(\w+):\w/g)].map((m) => m[1]));
    const parents = new Set([...text.matchAll(/MATCH \((\w+)\) WHERE elementId/g)].map((m) => m[1]));
    const untyped = [...text.matchAll(/[-\]>]\((\w+)\)|\((\w+)\)<?-/g)].map((m) => m[1] ?? m[2]);
    for (const variable of untyped) if (!typed.has(variable) && !parents.has(variable)) expect(text).toContain(visible(variable));
    // No hand-written copy: what is left once the predicate is taken out never speaks of privacy.
    let rest = text;
    for (const [, variable] of text.matchAll(/NOT (\w+):Person/g)) rest = rest.split(visible(variable)).join('');
    expect(rest).not.toMatch(/canSeePrivate|\.public\b/);
  });
});
