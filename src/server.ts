import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express, { Express } from 'express';
import cors from 'cors';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import type { Logger } from './logger';
import { Database } from './db/database';
import { Context } from './context';
import { ANONYMOUS } from './auth/viewer';
import { formatError, isExpectedError } from './errors/format-error';
import { AppError, ErrorCode } from './errors/app-errors';
import { buildArchipelSchema } from './schema';
import { warmUp, WarmUpResult } from './warm-up';
import { registerGraphiql } from './http/graphiql';
import { explorerRouter } from './http/explorer/explorer-router';
import { applyTrustProxy, rateLimitMiddleware, registerLastErrorHandler, registerSecurityHeaders } from './http/production-posture';
import { boundedSchema } from './limits/bounded-schema';
import { limitRules, limitsPlugin, tooManyTokensError } from './limits/query-limits';
import { RequestBudget } from './limits/request-budget';
import { setTextBounds } from './common/text';
import { BODY_LIMIT, queriesOnlyPlugin, registerHttpErrorHandlers } from './http/http-errors';
import { exportRouter } from './http/export/export-router';
import { PlannerStats } from './modules/node/references';

/** What /readyz asks: null when ready, else the reason (a short sentence). */
export type ReadinessCheck = () => Promise<string | null>;

export interface ServerDeps {
  config: Config;
  log: Logger;
  db: Database;
  readiness: ReadinessCheck;
  schema?: GraphQLSchema;
}

export interface ArchipelServer {
  app: Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  /** Plans the registry's read queries once, so user requests do not pay Neo4j's first planning (./warm-up.ts). Never rejects. */
  warmUp(): Promise<WarmUpResult>;
}

/** An error's code as the client gets it (a refusal of the limits is wrapped by Apollo's validation error). */
function errorCode(e: GraphQLError): string {
  if (e.originalError instanceof AppError) return e.originalError.code;
  if (tooManyTokensError(e)) return ErrorCode.QUERY_TOO_COMPLEX;
  return String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}

/**
 * `Cache-Control: no-store` on every GraphQL response, as Apollo's cache-control plugin sends it when no
 * field has a cache hint (none has: answers depend on the viewer). That plugin is disabled: it hooks
 * every field of every request (a policy object and two closures per field, the instrumentation of the
 * whole schema), which made a large answer's garbage, hence its collector pauses, markedly bigger.
 */
const noStorePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** One log line per GraphQL request (with its Cypher round trips); unexpected errors logged in full. */
const loggingPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    const started = process.hrtime.bigint();
    return {
      async didEncounterErrors({ errors }) {
        for (const err of errors) {
          if (!isExpectedError(err)) contextValue.log.error({ err: err.originalError ?? err, path: err.path }, 'unexpected error in a GraphQL request');
        }
      },
      async willSendResponse({ operationName, errors }) {
        contextValue.log.info(
          {
            operation: operationName ?? null,
            roundTrips: contextValue.db.roundTrips,
            durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
            errors: errors?.length ?? 0,
            // Which kinds (BAD_USER_INPUT, QUERY_TOO_COMPLEX: a transaction out of time…), for operators.
            ...(errors?.length ? { errorCodes: [...new Set(errors.map(errorCode))] } : {}),
          },
          'graphql request',
        );
      },
    };
  },
};

/** Builds the HTTP app and the Apollo server from its dependencies. Does not listen (main and tests do). */
export async function createServer(deps: ServerDeps): Promise<ArchipelServer> {
  const { config, log, db } = deps;
  // Warming plans queries on a cold Neo4j, which may take longer than the API's transaction timeout.
  const warmUpDb = db.withTxTimeout(config.neo4j.batchTxTimeoutMs);
  const app = express();
  app.disable('x-powered-by');
  // No ETag computed over every answer: a GraphQL answer is no-store, and the export sets its own.
  app.set('etag', false);
  const httpServer = http.createServer(app);

  // Limits (issue #9, src/limits/): every field's execution bounded by the request's budget; the
  // document's tokens, depth, aliases, directives and estimated node count checked before execution.
  const { limits } = config;
  const schema = boundedSchema(deps.schema ?? buildArchipelSchema());
  setTextBounds({ maxChars: limits.maxTextChars, maxWords: limits.maxTextWords });

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.env === 'production',
    introspection: config.introspection,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    // main.ts owns signal handling (graceful shutdown, then the driver and the embedded Neo4j).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      limitsPlugin(() => schema, limits),
      loggingPlugin,
      queriesOnlyPlugin as ApolloServerPlugin<Context>,
    ],
  });
  await apollo.start();

  // Production posture (issue #9): proxies, security headers.
  applyTrustProxy(app, config);
  registerSecurityHeaders(app);

  app.use(
    pinoHttp({
      logger: log,
      // req.log carries only the request id; the access line keeps the request details.
      quietReqLogger: true,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      // What an operator reads of a request, not every header: headers can carry credentials
      // (an Authorization header, once writes are authenticated), and all of them made each access
      // line about 1.5 KB of JSON to build and write.
      serializers: {
        req: (req: { id: unknown; method: string; url: string; remoteAddress?: string; headers: Record<string, unknown> }) => ({
          id: req.id, method: req.method, url: req.url, remoteAddress: req.remoteAddress, userAgent: req.headers['user-agent'],
        }),
        res: (res: { statusCode: number; headers?: Record<string, unknown> }) => ({
          statusCode: res.statusCode, contentLength: res.headers?.['content-length'],
        }),
      },
      autoLogging: { ignore: (req) => req.url === '/livez' || req.url === '/readyz' },
    }),
  );

  app.get('/livez', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const reason = await deps.readiness().catch((err: Error) => `readiness check failed: ${err.message}`);
    if (reason === null) res.status(200).json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable', reason });
  });

  // GET /explorer: the network and map page (issue #12), built into dist/explorer/ by npm run build.
  app.use(explorerRouter());

  // A browser opening /graphql gets GraphiQL; every other request goes on to Apollo below.
  registerGraphiql(app, '/graphql');

  // The planners' cardinalities, shared by this server's requests for a few seconds (0: none kept).
  const plannerStats = config.plannerStatsTtlMs > 0 ? new PlannerStats(config.plannerStatsTtlMs) : undefined;

  // Rate limit per client IP (issue #9), before anything is parsed; off unless configured or in production.
  const rateLimit = rateLimitMiddleware(config);
  if (rateLimit) app.use('/graphql', rateLimit);

  app.use(
    '/graphql',
    // Browsers of other origins only when CORS_ORIGINS lists them; server-to-server clients are unaffected.
    cors({ origin: config.corsOrigins.length ? [...config.corsOrigins] : false }),
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const budget = new RequestBudget(limits.requestTimeoutMs, limits.maxResultItems);
        return contextFor(db, String(req.id), req.log, req.body?.operationName ?? null, budget, plannerStats);
      },
    }),
  );

  // Map and network files (issue #12, src/http/export/): GeoJSON, GEXF, Graphology JSON, CSV.
  app.use('/export', exportRouter({ config, log, db }));

  // Unknown routes and Express-level errors (bad JSON, body too large) as GraphQL-shaped JSON.
  registerHttpErrorHandlers(app);
  // Production posture (issue #9): a safety net, whatever error still reaches Express's end is JSON, without stack or path.
  registerLastErrorHandler(app, log);

  return {
    app,
    httpServer,
    apollo,
    warmUp: () => warmUp(warmUpDb.forRequest({ operation: 'warm-up' }), log),
  };
}

/** A request's context: who asks, a request-scoped Database, fresh loaders. */
function contextFor(db: Database, reqId: string, log: Logger, operation: string | null, budget?: RequestBudget, plannerStats?: PlannerStats): Context {
  return {
    reqId,
    log,
    db: db.forRequest({ app: 'archipel', reqId, operation }, budget),
    budget,
    viewer: ANONYMOUS,
    loaders: new Map(),
    plannerStats,
  };
}
