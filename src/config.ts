import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';

/**
 * The only reader of process.env. Parsed once, typed, frozen; an invalid value stops the start
 * with one line per problem naming the variable. Every variable is listed in .env.example.
 */
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1' || v === 'yes'));

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI (optionally +s or +ssc)')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_TX_TIMEOUT_S: z.coerce.number().min(1).max(600).default(5),
  ARCHIPEL_BATCH_TX_TIMEOUT_S: z.coerce.number().min(1).max(3600).default(120),
  ARCHIPEL_DATA_DIR: z.string().min(1).default('.data'),
  ARCHIPEL_DEMO_DATA: bool(true),
  ARCHIPEL_WARM_UP: bool(true),
  ARCHIPEL_PLANNER_STATS_TTL_S: z.coerce.number().min(0).max(3600).default(30),
  NEO4J_EMBEDDED_PORT: port(7687),
  NEO4J_EMBEDDED_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 1g').default('1g'),
  NEO4J_EMBEDDED_PAGE_CACHE: z.string().regex(/^\d+[kmg]$/, 'must look like 256m').default('256m'),
  NEO4J_STARTUP_TIMEOUT_S: z.coerce.number().int().min(5).max(600).default(120),
  SHUTDOWN_GRACE_S: z.coerce.number().min(0).max(120).default(10),
  CORS_ORIGINS: z.string().default(''),
  // Limits (DESIGN §6; README "Limits"): refused before execution, or bounded during it.
  ARCHIPEL_MAX_DEPTH: z.coerce.number().int().min(1).max(1000).default(10),
  ARCHIPEL_MAX_ALIASES: z.coerce.number().int().min(0).max(10000).default(20),
  ARCHIPEL_MAX_TOKENS: z.coerce.number().int().min(10).max(1_000_000).default(3000),
  ARCHIPEL_MAX_DIRECTIVES_PER_FIELD: z.coerce.number().int().min(0).max(1000).default(10),
  ARCHIPEL_MAX_ESTIMATED_NODES: z.coerce.number().int().min(1).max(1e15).default(50_000),
  ARCHIPEL_REQUEST_TIMEOUT_S: z.coerce.number().min(0.1).max(600).default(5),
  // An export (GET /export/…) is a batch: its own wall-clock budget, shared by its transactions.
  ARCHIPEL_EXPORT_TIMEOUT_S: z.coerce.number().min(1).max(3600).default(300),
  ARCHIPEL_MAX_RESULT_ITEMS: z.coerce.number().int().min(1).max(100_000_000).default(100_000),
  ARCHIPEL_MAX_TEXT_CHARS: z.coerce.number().int().min(1).max(10_000).default(200),
  ARCHIPEL_MAX_TEXT_WORDS: z.coerce.number().int().min(1).max(1000).default(32),
  ARCHIPEL_INTROSPECTION: bool(true),
  // Requests per minute per client IP on /graphql; 0 turns it off. Unset: 600 in production, off otherwise.
  ARCHIPEL_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).max(1_000_000).optional(),
  // How many reverse proxies to trust for X-Forwarded-For (the client IP of the rate limit); 0: none.
  ARCHIPEL_TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly neo4j: {
    /** Unset: Archipel starts its own embedded Neo4j. */
    readonly uri?: string;
    readonly user: string;
    readonly password: string;
    readonly database: string;
    /** Transaction timeout of API requests (DESIGN §6: 5 s). */
    readonly txTimeoutMs: number;
    /** Transaction timeout of the batch tools (import, export, territories): one batch may write 10k relationships. */
    readonly batchTxTimeoutMs: number;
  };
  readonly embedded: {
    readonly dataDir: string;
    readonly port: number;
    readonly heap: string;
    readonly pageCache: string;
    readonly startupTimeoutMs: number;
  };
  readonly demoData: boolean;
  /** Run the read queries once as soon as the server listens (src/warm-up.ts). */
  readonly warmUp: boolean;
  /**
   * How long the planners' cardinalities (a theme's tribe, a territory's population, the number of
   * allies…) are reused across requests; 0: read by every request (src/modules/node/references.ts).
   */
  readonly plannerStatsTtlMs: number;
  readonly shutdownGraceMs: number;
  readonly corsOrigins: readonly string[];
  readonly limits: Limits;
  /** Introspection queries allowed (GraphiQL needs them). */
  readonly introspection: boolean;
  /** Requests per minute per client IP on /graphql; 0: no rate limit. */
  readonly rateLimitPerMinute: number;
  /** Reverse proxies trusted for X-Forwarded-For (Express `trust proxy`). */
  readonly trustProxyHops: number;
}

/** What one request may ask (DESIGN §6), checked before execution or bounded during it (src/limits/). */
export interface Limits {
  /** Depth of the operation, named fragments expanded. */
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectivesPerField: number;
  /** Estimated node count (GitHub-style: page sizes multiplied down the tree; src/limits/query-cost.ts). */
  readonly maxEstimatedNodes: number;
  /** Wall-clock budget of one request; each Cypher transaction gets what is left of it. */
  readonly requestTimeoutMs: number;
  /** List items one answer may hold (the bound of an answer's size). */
  readonly maxResultItems: number;
  /** Wall-clock budget of one export (GET /export/…, a batch), shared by its transactions (each at most batchTxTimeoutMs). */
  readonly exportTimeoutMs: number;
  /** Bounds of a full-text argument, checked before it reaches Lucene. */
  readonly maxTextChars: number;
  readonly maxTextWords: number;
}

export class ConfigError extends Error {}

/** Parses an environment (process.env by default). Throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    neo4j: Object.freeze({
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      txTimeoutMs: e.NEO4J_TX_TIMEOUT_S * 1000,
      batchTxTimeoutMs: e.ARCHIPEL_BATCH_TX_TIMEOUT_S * 1000,
    }),
    embedded: Object.freeze({
      dataDir: path.resolve(projectRoot, e.ARCHIPEL_DATA_DIR),
      port: e.NEO4J_EMBEDDED_PORT,
      heap: e.NEO4J_EMBEDDED_HEAP,
      pageCache: e.NEO4J_EMBEDDED_PAGE_CACHE,
      startupTimeoutMs: e.NEO4J_STARTUP_TIMEOUT_S * 1000,
    }),
    demoData: e.ARCHIPEL_DEMO_DATA,
    warmUp: e.ARCHIPEL_WARM_UP,
    plannerStatsTtlMs: e.ARCHIPEL_PLANNER_STATS_TTL_S * 1000,
    shutdownGraceMs: e.SHUTDOWN_GRACE_S * 1000,
    corsOrigins: Object.freeze(e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean)),
    limits: Object.freeze({
      maxDepth: e.ARCHIPEL_MAX_DEPTH,
      maxAliases: e.ARCHIPEL_MAX_ALIASES,
      maxTokens: e.ARCHIPEL_MAX_TOKENS,
      maxDirectivesPerField: e.ARCHIPEL_MAX_DIRECTIVES_PER_FIELD,
      maxEstimatedNodes: e.ARCHIPEL_MAX_ESTIMATED_NODES,
      requestTimeoutMs: Math.round(e.ARCHIPEL_REQUEST_TIMEOUT_S * 1000),
      maxResultItems: e.ARCHIPEL_MAX_RESULT_ITEMS,
      exportTimeoutMs: Math.round(e.ARCHIPEL_EXPORT_TIMEOUT_S * 1000),
      maxTextChars: e.ARCHIPEL_MAX_TEXT_CHARS,
      maxTextWords: e.ARCHIPEL_MAX_TEXT_WORDS,
    }),
    introspection: e.ARCHIPEL_INTROSPECTION,
    rateLimitPerMinute: e.ARCHIPEL_RATE_LIMIT_PER_MIN ?? (e.NODE_ENV === 'production' ? 600 : 0),
    trustProxyHops: e.ARCHIPEL_TRUST_PROXY_HOPS,
  });
}
