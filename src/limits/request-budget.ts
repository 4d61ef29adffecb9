import { QueryTooComplexError } from '../errors/app-errors';

/**
 * What one request may spend once it runs (DESIGN §6): a wall-clock budget, shared by all of its
 * Cypher transactions (each gets what is left, see Database.txConfig), and a number of list items in
 * its answer. The first overrun is recorded: the execution stops there (src/limits/bounded-schema.ts)
 * and the whole answer is replaced by that one error (src/limits/query-limits.ts, limitsPlugin), so a
 * request never keeps building, nor holds, an answer past its bounds.
 *
 * The recorded error is thrown by every field still unresolved when the budget is spent (tens of
 * thousands in a large answer): it carries a path already, so graphql-js passes it on as it is
 * instead of wrapping it in a new located GraphQLError (with a stack trace) per field, which alone
 * kept the event loop busy for a second past the budget.
 */
export class RequestBudget {
  private readonly deadline: number;
  private items = 0;
  private rows = 0;
  private fields = 0;
  private overrun: QueryTooComplexError | null = null;
  private waitingFields = 0;
  private unwoundWaiters: (() => void)[] = [];

  constructor(
    readonly timeoutMs: number,
    readonly maxItems: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.deadline = now() + timeoutMs;
  }

  /** Milliseconds left (≤ 0 once the budget is spent). */
  remainingMs(): number {
    return this.deadline - this.now();
  }

  /** One of this request's fields starts waiting for its turn of the loop (src/limits/bounded-schema.ts). */
  fieldWaits(): void {
    this.waitingFields += 1;
  }

  /** One of this request's waiting fields was woken. */
  fieldWoken(): void {
    this.waitingFields -= 1;
    if (this.waitingFields === 0 && this.unwoundWaiters.length) for (const resolve of this.unwoundWaiters.splice(0)) resolve();
  }

  /**
   * Resolves once none of this request's fields waits for a turn of the loop. graphql-js settles a
   * list (and so the whole answer) as soon as one of its items fails, while the other items' fields
   * still wait: a stopped request answers only once those were woken (each throws at once) and its
   * answer so far can be collected — the memory is freed before the client hears of the stop.
   */
  unwound(): Promise<void> {
    if (this.waitingFields === 0) return Promise.resolve();
    return new Promise((resolve) => this.unwoundWaiters.push(resolve));
  }

  /** The overrun that stopped this request, if any. */
  get exceeded(): QueryTooComplexError | null {
    return this.overrun;
  }

  /**
   * Records `error` as what stopped this request (the first overrun wins) and returns the recorded
   * one. E.g. a transaction that ran out of the request's time (src/db/database.ts).
   */
  record(error: QueryTooComplexError): QueryTooComplexError {
    if (!this.overrun) {
      // A path marks a GraphQLError as located: graphql-js then rethrows it unchanged from each field.
      Object.defineProperty(error, 'path', { value: [], enumerable: true, configurable: true });
      this.overrun = error;
    }
    return this.overrun;
  }

  /** Throws (and records) QUERY_TOO_COMPLEX when the time is spent. */
  checkTime(): void {
    if (this.exceeded) throw this.exceeded;
    if (this.remainingMs() <= 0) {
      throw this.stop(
        `this request took longer than the ${formatSeconds(this.timeoutMs)} the server gives one request: ask for fewer items (first) or fewer nested lists, or narrow the filter, then try again`,
      );
    }
  }

  /** Counts `n` more list items of the answer; throws (and records) QUERY_TOO_COMPLEX past the bound. */
  addItems(n: number): void {
    if (this.exceeded) throw this.exceeded;
    this.items += n;
    if (this.items > this.maxItems) {
      throw this.stop(
        `this answer would hold more than ${this.maxItems.toLocaleString('en-US')} list items, the most one request may return: ask for fewer items per page (first) or fewer nested lists, then page with after`,
      );
    }
  }

  /**
   * Counts `n` more rows read from the database, bounded as the items are: rows become the answer's
   * items, and a read past the bound is stopped before it is held whole.
   */
  addRows(n: number): void {
    if (this.exceeded) throw this.exceeded;
    this.rows += n;
    if (this.rows > this.maxItems) {
      throw this.stop(
        `this request would read more than ${this.maxItems.toLocaleString('en-US')} rows from the database, the most one request may: ask for fewer items per page (first) or fewer nested lists, then page with after`,
      );
    }
  }

  /** Counts a field's value towards the answer's items when it is a list; returns it (one function per budget). */
  readonly countItems = (value: unknown): unknown => {
    if (Array.isArray(value)) this.addItems(value.length);
    return value;
  };

  get itemCount(): number {
    return this.items;
  }

  /** One more field of this request is resolved (src/limits/bounded-schema.ts). */
  fieldResolved(): void {
    this.fields += 1;
  }

  /** How many of this request's fields were resolved so far. */
  get fieldCount(): number {
    return this.fields;
  }

  private stop(message: string): QueryTooComplexError {
    return this.overrun ?? this.record(new QueryTooComplexError(message));
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
