import { GraphQLFieldResolver, GraphQLSchema, defaultFieldResolver, isObjectType } from 'graphql';
import type { Context } from '../context';
import type { RequestBudget } from './request-budget';

/**
 * Bounds the execution of every field of the schema, once, whatever module defines it:
 *
 * - a request whose budget is spent (its time, or its answer's list items) resolves no more fields:
 *   each one throws the recorded QUERY_TOO_COMPLEX at once, so the work unwinds instead of going on;
 * - every list a field returns counts towards the answer's items (src/limits/request-budget.ts);
 * - a large answer yields the event loop: building it is CPU work in Node, and graphql-js resolves a
 *   whole batch of loaded rows in one run of microtasks, which would keep every other request (and
 *   `/livez`) waiting. Once a request holds more than YIELD_AFTER_ITEMS items, a field resolved after
 *   SLICE_MS of uninterrupted work joins a queue (FIFO, common to all requests), drained a batch at a
 *   time, one batch per turn of the loop (setImmediate), the batch sized so that a turn's work stays
 *   near SLICE_MS. Each waiting field is woken once: waking every waiter at each turn (as before)
 *   cost tens of thousands of microtasks per turn and stalled the loop for up to 1.2 s on the issue
 *   #9 query. Small requests never wait, so their DataLoader batches are never split (no extra round
 *   trips).
 */

/** Items a request may build before its fields start yielding the loop. */
export const YIELD_AFTER_ITEMS = 2_000;
/** Longest uninterrupted run of field resolution before yielding (ms). */
export const SLICE_MS = 10;
/** Bounds of the number of waiting fields woken per turn of the loop. */
const MIN_BATCH = 16;
const MAX_BATCH = 4096;

const BOUNDED = Symbol('archipel.boundedSchema');

/** The loop-sharing clock and queue, common to all requests: the fairness is the process's. */
let sliceStart = 0;
let lastSeen = 0;
interface Waiter {
  wake: () => void;
  budget: RequestBudget;
}
const waiting: (Waiter | undefined)[] = [];
let head = 0;
let batch = 64;
let draining = false;
let lastDrain = 0;

/** True when the current run of field resolution has lasted SLICE_MS (a gap since the last field: a new run). */
function sliceSpent(): boolean {
  const now = performance.now();
  if (now - lastSeen > SLICE_MS) sliceStart = now;
  lastSeen = now;
  return now - sliceStart >= SLICE_MS;
}

/**
 * One turn: wakes the next `batch` waiting fields (their work runs in the microtasks that follow),
 * then, if some still wait, asks for the next turn. The time since the previous turn (the woken
 * fields' work, plus whatever else the loop served) resizes the batch.
 */
function drain(): void {
  const now = performance.now();
  if (lastDrain) {
    const took = now - lastDrain;
    if (took > SLICE_MS) batch = Math.max(MIN_BATCH, batch >> 1);
    else if (took < SLICE_MS / 2) batch = Math.min(MAX_BATCH, batch * 2);
  }
  lastDrain = now;
  // A field of a request stopped meanwhile only throws when woken: it costs a sixteenth of a turn's
  // share, so that a stopped request's orphaned fields (graphql-js settles a list once one item fails,
  // the others still wait) unwind fast and free their memory, without stalling the loop either.
  let spent = 0;
  while (head < waiting.length && spent < batch) {
    const w = waiting[head]!;
    waiting[head++] = undefined;
    spent += w.budget.exceeded ? 1 / 16 : 1;
    w.wake();
    w.budget.fieldWoken();
  }
  if (head < waiting.length) {
    setImmediate(drain);
    return;
  }
  waiting.length = 0;
  head = 0;
  draining = false;
  lastDrain = 0;
  sliceStart = lastSeen = performance.now();
}

/** A promise of the field's turn, behind every field already waiting. */
function turn(budget: RequestBudget): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push({ wake: resolve, budget });
    budget.fieldWaits();
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  });
}

/**
 * For work inside a resolver that maps a large batch (a relation page of each of a hundred parents, all
 * resolved by one DataLoader batch in one run of microtasks): the turn of the loop to wait for first,
 * when the request is large and the slice is spent; null otherwise (small requests never wait). The
 * caller checks the budget after the wait.
 */
export function turnIfBusy(budget: RequestBudget | undefined): Promise<void> | null {
  if (!budget || budget.itemCount <= YIELD_AFTER_ITEMS) return null;
  if (!draining && !sliceSpent()) return null;
  return turn(budget);
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
  // Called only for a request with a budget (below).
  const run: GraphQLFieldResolver<unknown, Context> = (source, args, ctx, info) => {
    const budget = ctx.budget!;
    // A request stopped meanwhile (while this field waited, too) resolves no more fields.
    if (budget.exceeded) throw budget.exceeded;
    budget.checkTime();
    const result = resolve(source, args, ctx, info);
    if (isThenable(result)) return Promise.resolve(result).then(budget.countItems);
    return budget.countItems(result);
  };
  return (source, args, ctx, info) => {
    const budget = ctx?.budget;
    if (!budget) return resolve(source, args, ctx, info);
    if (budget.exceeded) throw budget.exceeded;
    // Behind the fields already waiting, or once the slice is spent: wait for a turn, then run.
    const wait = turnIfBusy(budget);
    return wait ? wait.then(() => run(source, args, ctx, info)) : run(source, args, ctx, info);
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
