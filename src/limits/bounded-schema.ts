import { GraphQLFieldResolver, GraphQLSchema, defaultFieldResolver, isObjectType } from 'graphql';
import type { Context } from '../context';

/**
 * Bounds the execution of every field of the schema, once, whatever module defines it:
 *
 * - a request whose budget is spent (its time, or its answer's list items) resolves no more fields:
 *   each one throws the recorded QUERY_TOO_COMPLEX at once, so the work unwinds instead of going on;
 * - every list a field returns counts towards the answer's items (src/limits/request-budget.ts);
 * - a large answer yields the event loop: building it is CPU work in Node, and graphql-js resolves a
 *   whole batch of loaded rows in one run of microtasks, which would keep every other request (and
 *   `/livez`) waiting. Once a request holds more than YIELD_AFTER_ITEMS items, a field resolved after
 *   SLICE_MS of uninterrupted work waits for the next turn of the loop (setImmediate). Small requests
 *   never wait, so their DataLoader batches are never split (no extra round trips).
 */

/** Items a request may build before its fields start yielding the loop. */
export const YIELD_AFTER_ITEMS = 2_000;
/** Longest uninterrupted run of field resolution before yielding (ms). */
export const SLICE_MS = 10;

const BOUNDED = Symbol('archipel.boundedSchema');

/** The loop-sharing clock, common to all requests: the fairness is the process's. */
let sliceStart = 0;
let lastSeen = 0;
let pending: Promise<void> | null = null;

function turnOfTheLoop(): Promise<void> | null {
  if (pending) return pending;
  const now = performance.now();
  // A gap since the last field resolved: the loop ran meanwhile, a new slice starts.
  if (now - lastSeen > SLICE_MS) sliceStart = now;
  lastSeen = now;
  if (now - sliceStart < SLICE_MS) return null;
  pending = new Promise((resolve) =>
    setImmediate(() => {
      pending = null;
      sliceStart = lastSeen = performance.now();
      resolve();
    }),
  );
  return pending;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/**
 * `resolve`, bounded. Every field of every request goes through here, so the common path allocates
 * nothing (no closure per call): a large answer is tens of thousands of fields, and its garbage is
 * what the collector's pauses are made of.
 */
function bound(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  const bounded: GraphQLFieldResolver<unknown, Context> = (source, args, ctx, info) => {
    const budget = ctx?.budget;
    if (!budget) return resolve(source, args, ctx, info);
    // A request stopped meanwhile resolves no more fields.
    if (budget.exceeded) throw budget.exceeded;
    if (budget.itemCount > YIELD_AFTER_ITEMS) {
      // Asked again after the wait: the fields that waited for one turn wake together (thousands of
      // them), and those still waiting when the new slice is spent wait for the next turn.
      const wait = turnOfTheLoop();
      if (wait) return wait.then(() => bounded(source, args, ctx, info));
    }
    budget.checkTime();
    const result = resolve(source, args, ctx, info);
    if (isThenable(result)) return Promise.resolve(result).then(budget.countItems);
    return budget.countItems(result);
  };
  return bounded;
}

/** Wraps every field resolver of `schema` (in place; idempotent) and returns it. */
export function boundedSchema(schema: GraphQLSchema): GraphQLSchema {
  const marked = schema as GraphQLSchema & { [BOUNDED]?: true };
  if (marked[BOUNDED]) return schema;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      field.resolve = bound((field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>);
    }
  }
  marked[BOUNDED] = true;
  return schema;
}
