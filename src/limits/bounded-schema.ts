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

function bound(resolve: GraphQLFieldResolver<unknown, Context>): GraphQLFieldResolver<unknown, Context> {
  return (source, args, ctx, info) => {
    const budget = ctx?.budget;
    if (!budget) return resolve(source, args, ctx, info);
    const count = (value: unknown) => {
      if (Array.isArray(value)) budget.addItems(value.length);
      return value;
    };
    const run = () => {
      budget.checkTime();
      const result = resolve(source, args, ctx, info);
      return isThenable(result) ? Promise.resolve(result).then(count) : count(result);
    };
    // Asked again after each wait: the fields that waited for one turn wake together (thousands of
    // them), and those still waiting when the new slice is spent wait for the next turn; a request
    // stopped meanwhile resolves none of them.
    const next = (): unknown => {
      if (budget.exceeded) throw budget.exceeded;
      const wait = budget.itemCount > YIELD_AFTER_ITEMS ? turnOfTheLoop() : null;
      return wait ? wait.then(next) : run();
    };
    return next();
  };
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
