import { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import type { GraphQLSchema } from 'graphql';
import { loadConfig } from '../../src/config';
import pino from 'pino';
import { createDriver } from '../../src/db/driver';
import { Database } from '../../src/db/database';
import { applyMigrations, readMigrations } from '../../src/db/migrations';
import { makeReadiness } from '../../src/db/readiness';
import { createServer, ArchipelServer } from '../../src/server';
import type { Bundle } from '../../src/modules/bundle/bundle.types';
import { wipeGraph } from './graph';
import { importValid } from './bundles';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  /** Cypher round trips of this request, read from the log line the server writes for it. */
  roundTrips?: number;
  /** The errors the server logged for this request (masked for the client). */
  serverErrors?: unknown[];
}

export interface TestApi {
  url: string;
  driver: Driver;
  db: Database;
  server: ArchipelServer;
  /** The server's log lines so far (captured, not printed). */
  logs: Record<string, unknown>[];
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  get(path: string): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real API (the same createServer as npm start) on 127.0.0.1 port 0, over the test run's Neo4j
 * (or `uri`). Requests go over real HTTP.
 */
export async function startTestApi(
  opts: { uri?: string; schema?: GraphQLSchema; migrate?: boolean; /** Extra environment, e.g. a limit. */ env?: Record<string, string> } = {},
): Promise<TestApi> {
  const uri = opts.uri ?? process.env.ARCHIPEL_TEST_NEO4J_URI;
  if (!uri) throw new Error('ARCHIPEL_TEST_NEO4J_URI is unset: run integration tests through jest (global setup)');
  // Requests get the batch timeout, as the tests' Database below: a fresh Neo4j plans each query shape on
  // first use (5–6 s on a busy machine), and tests send them cold. The limits tests set their own.
  // Each request reads its own planner cardinalities (tests import one graph after another and count
  // round trips); within.int.test.ts tests the server's cache of them.
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', ARCHIPEL_REQUEST_TIMEOUT_S: '120', ARCHIPEL_PLANNER_STATS_TTL_S: '0', ...opts.env, NEO4J_URI: uri });
  const lines: Record<string, unknown>[] = [];
  // Log lines are captured in memory (round-trip counts are read from them), not printed.
  const capture = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  const driver = createDriver(uri, config.neo4j);
  const db = new Database(driver, config.neo4j.database, {}, config.neo4j.batchTxTimeoutMs);
  const migrations = readMigrations();
  if (opts.migrate !== false) await applyMigrations(db, migrations);
  const server = await createServer({
    config,
    log: capture,
    db,
    readiness: makeReadiness(driver, db, config.neo4j.database, migrations),
    schema: opts.schema,
  });
  await new Promise<void>((r) => server.httpServer.listen(0, '127.0.0.1', () => r()));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    driver,
    db,
    server,
    logs: lines,
    async gql(query, variables) {
      const reqId = `t-${Math.random().toString(36).slice(2)}`;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': reqId },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResponse;
      const line = lines.find((l) => l.msg === 'graphql request' && l.reqId === reqId);
      // An unexpected error is masked for the client; keep what the server logged, for assertion messages.
      const serverErrors = lines.filter((l) => l.reqId === reqId && (l.level as number) >= 50).map((l) => l.err);
      return { ...body, status: res.status, roundTrips: line?.roundTrips as number | undefined, serverErrors } as never;
    },
    get: (path) => fetch(`${url}${path}`),
    async close() {
      await server.apollo.stop();
      await driver.close();
    },
  };
}

/** The API over a graph holding exactly `bundle` (the graph is wiped first, then the bundle imported). */
export async function startTestApiOn(bundle: Bundle, env?: Record<string, string>): Promise<TestApi> {
  const api = await startTestApi({ env });
  await wipeGraph(api.db);
  await importValid(api.db, bundle);
  return api;
}
