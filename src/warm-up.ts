import type { Database } from './db/database';
import type { Logger } from './logger';
import { boundQueries, composedQueries, CypherQuery } from './db/cypher-registry';
import { baseAllyShapes } from './modules/ally/ally.shapes';
import { baseChantierShapes } from './modules/chantier/chantier.shapes';
import { relationPageShapes } from './modules/node/related.shapes';
import { wholeLayerShapes } from './http/export/geo-export';

/**
 * Planning ahead, derived from the Cypher registry rather than a hand-kept list of operations.
 * Neo4j caches one plan per query text and parameter types. With one query per shape (DESIGN §11)
 * each plans in a fraction of a second (the old catch-all list query took 3–5 s), but the very first
 * queries after a start also pay for the JIT compiling Neo4j's planner. So, once the server
 * listens, every read query of the registry that carries a `sample` (the bound files of the API and
 * every list shape without residual filters) is sent once as `EXPLAIN` with parameters of the
 * types the API sends: that plans it and fills the cache, runs nothing, and needs no data.
 * Shapes with residual filters are planned on first use (measured: well under a second each).
 */
export function warmUpQueries(): CypherQuery[] {
  baseAllyShapes();
  baseChantierShapes();
  relationPageShapes(); // every relation page, in both orders
  wholeLayerShapes(); // the exports' whole layers (the filtered ones plan on first use)
  return [...boundQueries(), ...composedQueries()].filter((q) => q.sample !== undefined && !/\+/.test(q.name));
}

export interface WarmUpResult {
  operations: number;
  /** Queries that failed to plan (the server still starts: warming is an optimisation). */
  failed: number;
  ms: number;
}

/**
 * EXPLAINs the warm-up queries, two at a time (the machine the project targets has two cores).
 * Never rejects: a failure is logged and counted.
 */
export async function warmUp(db: Database, log: Logger, concurrency = 2): Promise<WarmUpResult> {
  const started = Date.now();
  const queries = warmUpQueries();
  let failed = 0;
  const queue = [...queries];
  const worker = async () => {
    for (let q = queue.shift(); q !== undefined; q = queue.shift()) {
      const query = q;
      try {
        await db.readTx((tx) => tx.run(`EXPLAIN ${query.text}`, query.sample));
      } catch (err) {
        failed += 1;
        log.warn({ query: query.name, err }, 'a warm-up query failed to plan (only its first request is slower)');
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { operations: queries.length, failed, ms: Date.now() - started };
}
