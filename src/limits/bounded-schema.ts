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
 *   `/livez`) waiting. Once a request holds more than YIELD_AFTER_ITEMS items or has resolved more
 *   than YIELD_AFTER_FIELDS fields (a page of a hundred parents each asking a page of its own holds
 *   few items until those pages come: 10,000 fields ran in one 350 ms run), a field resolved after
 *   SLICE_MS of uninterrupted work joins a queue (FIFO, common to all requests), drained one field
 *   at a time for SLICE_MS per turn of the loop (setImmediate), each woken field's work done before
 *   the clock is read again. Each waiting field is woken once: waking every waiter at each turn (as
 *   before) cost tens of thousands of microtasks per turn and stalled the loop for up to 1.2 s on the
 *   issue #9 query. Small requests never wait, so their DataLoader batches are never split (no extra
 *   round trips).
 */

/** Items a request may build, and fields it may resolve, before its fields start yielding the loop. */
export const YIELD_AFTER_ITEMS = 2_000;
export const YIELD_AFTER_FIELDS = 3_000;
/** Longest uninterrupted run of field resolution before yielding (ms). */
export const SLICE_MS = 10;
/** A stopped request's waiting field only throws when woken: it counts as this share of a live one. */
const STOPPED_SHARE = 1 / 16;

const BOUNDED = Symbol('archipel.boundedSchema');

/** The clock of the slices (a test drives its own). */
export const sliceClock = { now: (): number => performance.now() };

/** The loop-sharing clock and queue, common to all requests: the fairness is the process's. */
let sliceStart = 0;
let sliceOpen = false;
interface Waiter {
  wake: () => void;
  budget: RequestBudget;
}
const waiting: (Waiter | undefined)[] = [];
let head = 0;
let draining = false;

/**
 * True when the current run of field resolution has lasted SLICE_MS. A run lasts until the loop turns
 * (the setImmediate that its first field asks for): a pause inside it (a collection, a long synchronous
 * completion) is part of it. (A run that ended at a gap of SLICE_MS between two fields, as before,
 * began anew after every long collection pause: runs of 300 ms went on unchecked.)
 */
function sliceSpent(): boolean {
  const now = sliceClock.now();
  if (!sliceOpen) {
    sliceOpen = true;
    sliceStart = now;
    setImmediate(closeSlice);
  }
  return now - sliceStart >= SLICE_MS;
}

function closeSlice(): void {
  sliceOpen = false;
}

/** One turn of the loop (setImmediate): wakes waiting fields for SLICE_MS of their work. */
function drain(): void {
  void drainSlice(sliceClock.now());
}

/**
 * Wakes the waiting fields one at a time, each followed by a microtask hop, so that the woken field's
 * work (which runs in microtasks) is done before the clock is read again: the turn ends once SLICE_MS
 * of work has been done, whatever each field costs. (A batch sized from earlier turns, as before,
 * woke thousands of plain fields' worth of relation pages at once when the two were mixed: each page
 * completes a hundred edges, and one turn ran for 170 ms.) A woken field's deeper microtasks queue
 * behind the hop, so a turn may overrun by a few fields' work, not by a batch's.
 */
async function drainSlice(start: number): Promise<void> {
  while (head < waiting.length) {
    if (sliceClock.now() - start >= SLICE_MS) {
      setImmediate(drain);
      return;
    }
    // A field of a request stopped meanwhile only throws: a few of them share a hop, so that a
    // stopped request's orphaned fields (graphql-js settles a list once one item fails, the others
    // still wait) unwind fast and free their memory, without stalling the loop either.
    let share = 0;
    while (head < waiting.length && share < 1) {
      const w = waiting[head]!;
      waiting[head++] = undefined;
      share += w.budget.exceeded ? STOPPED_SHARE : 1;
      w.wake();
      w.budget.fieldWoken();
    }
    await null;
  }
  waiting.length = 0;
  head = 0;
  draining = false;
  // The fields that the woken ones go on to resolve in this turn belong to its run.
  if (!sliceOpen) {
    sliceOpen = true;
    setImmediate(closeSlice);
  }
  sliceStart = start;
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
  if (!budget || (budget.itemCount <= YIELD_AFTER_ITEMS && budget.fieldCount <= YIELD_AFTER_FIELDS)) return null;
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
    budget.fieldResolved();
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
