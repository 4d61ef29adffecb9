import type { Logger } from './logger';
import type { Database } from './db/database';
import type { Viewer } from './auth/viewer';
import type { RequestBudget } from './limits/request-budget';
import type { PlannerStats } from './modules/node/references';

/**
 * The per-request context: who asks, a request-scoped Database (counts Cypher round trips, tags
 * transactions with the operation name) and fresh DataLoaders. Nothing per-request lives on
 * resolver instances, which are singletons.
 */
export interface Context {
  readonly reqId: string;
  readonly log: Logger;
  readonly db: Database;
  readonly viewer: Viewer;
  /** What this request may still spend (time, answer items); src/limits/. */
  readonly budget?: RequestBudget;
  /** Per-request loader cache; use `loader(ctx, name, make)`. */
  readonly loaders: Map<string, unknown>;
  /** The server's planner cardinalities, shared by its requests for a few seconds; absent: none kept. */
  readonly plannerStats?: PlannerStats;
}

/** The request's loader `name`, made on first use. One instance per request, so caches never leak. */
export function loader<T>(ctx: Context, name: string, make: () => T): T {
  let l = ctx.loaders.get(name) as T | undefined;
  if (l === undefined) {
    l = make();
    ctx.loaders.set(name, l);
  }
  return l;
}
