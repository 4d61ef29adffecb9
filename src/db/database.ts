import { Driver, ManagedTransaction, QueryResult, RecordShape, session as sessionModes } from 'neo4j-driver';
import type { CypherQuery } from './cypher-registry';
import { toPlain } from './values';
import { translateNeo4jError } from '../errors/neo4j-errors';

export type Params = Record<string, unknown>;

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
    /** True for the view of one GraphQL request (forRequest): a timeout is then the client's to fix. */
    private readonly inRequest = false,
  ) {}

  /** A view of the same database that counts its own round trips and tags transactions. */
  forRequest(metadata: Record<string, unknown>): Database {
    return new Database(this.driver, this.database, metadata, this.txTimeoutMs, true);
  }

  /** The same database with another transaction timeout (e.g. a batch job started by the server). */
  withTxTimeout(ms: number): Database {
    return new Database(this.driver, this.database, this.metadata, ms, this.inRequest);
  }

  /** Runs one read query; rows are plain objects (see toPlain). */
  async read<Row = Record<string, unknown>>(query: CypherQuery, params: Params = {}): Promise<Row[]> {
    return this.readTx((tx) => run<Row>(tx, query, params));
  }

  async write<Row = Record<string, unknown>>(query: CypherQuery, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => run<Row>(tx, query, params));
  }

  /** Several statements in one read transaction (one round trip as far as the API is concerned). */
  async readTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('READ', (s) => s.executeRead(work, this.txConfig()));
  }

  /** Several statements in one write transaction: all or nothing. */
  async writeTx<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) => s.executeWrite(work, this.txConfig()));
  }

  private txConfig() {
    return this.txTimeoutMs === undefined ? { metadata: this.metadata } : { metadata: this.metadata, timeout: this.txTimeoutMs };
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', fn: (s: ReturnType<Driver['session']>) => Promise<T>): Promise<T> {
    this.roundTrips += 1;
    const s = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? sessionModes.READ : sessionModes.WRITE,
    });
    try {
      return await fn(s);
    } catch (err) {
      throw translateNeo4jError(err, { inRequest: this.inRequest, timeoutMs: this.txTimeoutMs });
    } finally {
      await s.close();
    }
  }
}

/** Runs a bound query inside a transaction and maps its records to plain rows. */
export async function run<Row = Record<string, unknown>>(tx: ManagedTransaction, query: CypherQuery, params: Params = {}): Promise<Row[]> {
  const result: QueryResult<RecordShape> = await tx.run(query.text, params);
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}
