import { Driver, ManagedTransaction, QueryResult, RecordShape, session as sessionModes } from 'neo4j-driver';
import type { CypherQuery, CypherRow } from './cypher-registry';
import { toPlain } from './values';
import { isMemoryExhausted, translateNeo4jError } from '../errors/neo4j-errors';
import type { RequestBudget } from '../limits/request-budget';
import { QueryTooComplexError } from '../errors/app-errors';

export type Params = Record<string, unknown>;

/** The parameters argument of a typed query: optional when the query takes none. */
type ParamsArg<P extends object> = {} extends P ? [params?: NoInfer<P>] : [params: NoInfer<P>];

/**
 * Database access for one unit of work. Every read runs in executeRead and every write in
 * executeWrite (transaction functions: retried on transient errors, so they must be idempotent).
 * Each call opens its own short-lived session, so concurrent loader batches never share one.
 * Transactions carry the GraphQL operation name as metadata, so Neo4j's query log points back to it.
 */
export class Database {
  /** Cypher round trips made through this instance (one per read/write call). */
  roundTrips = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly metadata: Record<string, unknown> = {},
    /** Transaction timeout asked of Neo4j (API: 5 s; batch tools ask more). Undefined: the server's. */
    readonly txTimeoutMs?: number,
    /** The request's budget: each transaction gets what is left of it (never more than txTimeoutMs). */
    private readonly budget?: RequestBudget,
    /** True for the view of one GraphQL request (forRequest): a timeout is then the client's to fix. */
    private readonly inRequest = false,
  ) {}

  /**
   * A view of the same database for one GraphQL request: counts its own round trips and tags
   * transactions. With a budget, the request's Cypher time is bounded as a whole: each transaction
   * gets what is left.
   */
  forRequest(metadata: Record<string, unknown>, budget?: RequestBudget): Database {
    return new Database(this.driver, this.database, metadata, this.txTimeoutMs, budget, true);
  }

  /** The same database with another transaction timeout (e.g. a batch job started by the server). */
  withTxTimeout(ms: number): Database {
    return new Database(this.driver, this.database, this.metadata, ms, this.budget, this.inRequest);
  }

  /**
   * Runs one read query; rows are plain objects (see toPlain). A typed query
   * (`cypherQuery<Params, Row>`) checks its parameters and gives its row type; an untyped one
   * takes any parameters and the row type its caller names.
   */
  read<P extends object, R>(query: CypherQuery<P, R>, ...params: ParamsArg<P>): Promise<R[]>;
  read<Row = CypherRow>(query: CypherQuery, params?: Params): Promise<Row[]>;
  async read(query: CypherQuery, params: Params = {}): Promise<unknown[]> {
    return this.readTx((tx) => this.rowsOf(tx, query, params));
  }

  /** A query's rows inside a transaction: streamed within the request's budget when there is one (runWithin). */
  private async rowsOf(tx: ManagedTransaction, query: CypherQuery, params: Params): Promise<unknown[]> {
    const budget = this.budget;
    if (!budget) return run(tx, query, params);
    const rows: unknown[] = [];
    await runWithin(tx, query, params, budget, (row) => rows.push(row));
    return rows;
  }

  /**
   * Several read queries in one transaction, all sent before any answer is awaited (the driver
   * pipelines them on the connection): one round trip, the rows of each in the order given. For the
   * reads of one request level that need different texts (a level's short lists and its pages of
   * each shape).
   */
  async readAll(reads: readonly (readonly [CypherQuery, Params])[]): Promise<unknown[][]> {
    return this.readTx((tx) => Promise.all(reads.map(([query, params]) => this.rowsOf(tx, query, params))));
  }

  /**
   * read(), each row handed to `onRow` as its record arrives, none kept: a reader that keeps only what
   * it makes of a row (an export writes its JSON out) lets records and rows die young instead of
   * holding a page of them (V8 promotes what outlives two scavenges). `onRow` runs inside the
   * transaction function: when the driver retries the transaction, rows come again (the caller skips
   * those it has seen).
   */
  async readEach<Row>(query: CypherQuery, params: Params, onRow: (row: Row) => void): Promise<void> {
    const budget = this.budget;
    await this.readTx(async (tx) => {
      if (budget) await runWithin(tx, query, params, budget, onRow);
      else for await (const record of tx.run(query.text, params)) onRow(toPlain(record.toObject()) as Row);
    });
  }

  write<P extends object, R>(query: CypherQuery<P, R>, ...params: ParamsArg<P>): Promise<R[]>;
  write<Row = CypherRow>(query: CypherQuery, params?: Params): Promise<Row[]>;
  async write(query: CypherQuery, params: Params = {}): Promise<unknown[]> {
    return this.writeTx((tx) => run(tx, query, params));
  }

  /** Several statements in one read transaction (one round trip as far as the API is concerned). */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('READ', (s) => s.executeRead(this.attempt(work), this.txConfig()));
  }

  /** Several statements in one write transaction: all or nothing. */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) => s.executeWrite(this.attempt(work), this.txConfig()));
  }

  /**
   * One attempt of a transaction function. The driver retries a transient error for up to 30 s
   * whatever the request's budget; so, in a request, an attempt starts only while the budget lasts,
   * and running out of the database's transaction memory is the request's size, not a passing
   * failure: both stop with QUERY_TOO_COMPLEX (an AppError, which the driver never retries).
   */
  private attempt<T>(work: (tx: ManagedTransaction) => Promise<T>): (tx: ManagedTransaction) => Promise<T> {
    if (!this.inRequest) return work;
    const budget = this.budget;
    return async (tx) => {
      budget?.checkTime();
      try {
        return await work(tx);
      } catch (err) {
        if (isMemoryExhausted(err)) throw translateNeo4jError(err, { inRequest: true });
        throw err;
      }
    };
  }

  private txConfig() {
    let timeout = this.txTimeoutMs;
    if (this.budget) {
      // Neo4j takes whole milliseconds; at least 1, since checkTime() already refused a spent budget.
      const left = Math.max(1, Math.floor(this.budget.remainingMs()));
      timeout = timeout === undefined ? left : Math.min(timeout, left);
    }
    return timeout === undefined ? { metadata: this.metadata } : { metadata: this.metadata, timeout };
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', fn: (s: ReturnType<Driver['session']>) => Promise<T>): Promise<T> {
    // A request whose budget is spent starts no more transactions.
    this.budget?.checkTime();
    this.roundTrips += 1;
    const s = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? sessionModes.READ : sessionModes.WRITE,
    });
    try {
      return await fn(s);
    } catch (err) {
      const translated = translateNeo4jError(err, { inRequest: this.inRequest, timeoutMs: this.txTimeoutMs });
      // A transaction that ran out of the request's time stops the whole request (limits-plugin.ts).
      if (this.budget && translated instanceof QueryTooComplexError) throw this.budget.record(translated);
      throw translated;
    } finally {
      await s.close();
    }
  }
}

/** Runs a bound query inside a transaction and maps its records to plain rows (typed as in Database.read). */
export function run<P extends object, R>(tx: ManagedTransaction, query: CypherQuery<P, R>, ...params: ParamsArg<P>): Promise<R[]>;
export function run<Row = CypherRow>(tx: ManagedTransaction, query: CypherQuery, params?: Params): Promise<Row[]>;
export async function run(tx: ManagedTransaction, query: CypherQuery, params: Params = {}): Promise<unknown[]> {
  const result: QueryResult<RecordShape> = await tx.run(query.text, params);
  return result.records.map((r) => toPlain(r.toObject()));
}

/**
 * run() for a request with a budget: records are streamed and counted as they arrive, so a read that
 * returns more rows than one request may hold, or outlives the request's time, or belongs to a request
 * stopped meanwhile by another of its reads, stops at that record: the transaction function throws,
 * the transaction is rolled back and its session closed, so Neo4j stops producing rows too (it only
 * runs one fetch, 1,000 records, ahead of the client). Mapping the records as they come spreads the CPU
 * work over the driver's fetches, between which the event loop serves others.
 */
async function runWithin<Row>(tx: ManagedTransaction, query: CypherQuery, params: Params, budget: RequestBudget, onRow: (row: Row) => void): Promise<void> {
  for await (const record of tx.run(query.text, params)) {
    budget.addRows(1);
    budget.checkTime();
    onRow(toPlain(record.toObject()) as Row);
  }
}
