import { Router, Request, Response } from 'express';
import cors from 'cors';
import { stringify } from 'csv-stringify';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { Database } from '../../db/database';
import type { Context } from '../../context';
import { ANONYMOUS } from '../../auth/viewer';
import { AppError } from '../../errors/app-errors';
import { INTERNAL_MESSAGE } from '../../errors/format-error';
import { RequestBudget } from '../../limits/request-budget';
import { rateLimitMiddleware } from '../production-posture';
import { buildNetwork, networkArguments } from '../../modules/network/network.service';
import { NetworkProjection } from '../../modules/network/network.types';
import { networkFilterParams } from '../../modules/network/network.filter';
import { territoryStats, withinArgument } from '../../modules/stats/stats.repository';
import { allyExportParams, asParameterError, chantierExportParams, networkExportParams, Query, statsExportParams } from './export-params';
import { GeoExport, prepareAllyExport, prepareChantierExport } from './geo-export';
import { networkGraph, toGexf } from './network-export';
import { etagOf, notModified, readStoreVersion } from './store-version';

/**
 * GET /export/… (DESIGN §5, README "Exports"): files that cartography tools open as they are.
 *
 * Every export runs as the anonymous viewer (the same privacy as GraphQL), takes the API's filters
 * as query parameters (export-params.ts), answers 400 with `{"errors":[…]}` naming a bad parameter
 * before anything is sent, and carries an ETag and Last-Modified derived from the store version
 * (store-version.ts): a map reloading its layer gets 304 without the export being run.
 *
 * Bounds: an export is a batch, so it gets its own time budget (ARCHIPEL_EXPORT_TIMEOUT_S) instead
 * of a request's; each transaction gets at most a batch's timeout (ARCHIPEL_BATCH_TX_TIMEOUT_S) and no
 * more than what is left of that budget, and the map exports read pages of PAGE_SIZE rows, so no
 * transaction reads much and nothing holds more than a page.
 * The list-item bound of a GraphQL request does not apply (an export is the whole selection); the
 * network exports are bounded by maxNodes (≤ 2000), the statistics by the territories of one level.
 * A failure after the first byte (the budget spent, Neo4j gone) aborts the response, so that the
 * client sees a broken download, never a file that looks complete.
 */

export interface ExportDeps {
  config: Config;
  log: Logger;
  db: Database;
}

const CONTENT_TYPES = {
  geojson: 'application/geo+json',
  gexf: 'application/gexf+xml',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
} as const;

/** Features per write of a map export (~60 kB of JSON for allies). */
const WRITE_BATCH = 100;

/** Raised when the client went away mid-stream: stop reading, nothing to answer. */
class ClientGone extends Error {}

/** res.write with backpressure: waits for 'drain' when the socket's buffer is full. */
async function write(res: Response, chunk: string): Promise<void> {
  if (res.destroyed) throw new ClientGone();
  if (!res.write(chunk)) await drained(res);
}

/** Resolves once the response's buffer has drained (at once when it is not full); ClientGone when the client left. */
async function drained(res: Response): Promise<void> {
  if (res.destroyed) throw new ClientGone();
  if (!res.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', gone);
      resolve();
    };
    const gone = () => {
      res.off('drain', done);
      reject(new ClientGone());
    };
    res.once('drain', done);
    res.once('close', gone);
  });
}

function sendError(res: Response, status: number, message: string, extensions: Record<string, unknown>): void {
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions }] }));
}

/** The base URL the links of an export are made of (scheme and host as the client asked; trust proxy decides). */
function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** The query's parameters, sorted, as one string (part of the ETag). */
function normalisedQuery(q: Query): string {
  return JSON.stringify(Object.keys(q).sort().map((k) => [k, q[k]]));
}

const today = () => new Date().toISOString().slice(0, 10);

interface ExportSpec {
  /** The file's name without its date and extension, e.g. "archipel-allies". */
  name: string;
  ext: keyof typeof CONTENT_TYPES;
  /** Pure validation of the parameters (throws ParameterError), before any database read. */
  validate(q: Query): void;
  /** Reads what must be known before the first byte (may throw an expected error), and returns what writes the body. */
  prepare(ctx: Context, req: Request): Promise<Writer>;
}

/** Writes an export's body: `startBody` first (status and headers), then the content. */
type Writer = (res: Response, startBody: (extra?: Record<string, string>) => void) => Promise<void>;

export function exportRouter(deps: ExportDeps): Router {
  const { config, log, db } = deps;
  const router = Router();
  const rateLimit = rateLimitMiddleware(config);
  if (rateLimit) router.use(rateLimit);
  router.use(
    cors({
      origin: config.corsOrigins.length ? [...config.corsOrigins] : false,
      exposedHeaders: ['ETag', 'Last-Modified', 'Content-Disposition', 'X-Archipel-Omitted'],
    }),
  );

  const route = (path: string, spec: ExportSpec) =>
    router.get(path, async (req, res) => {
      const q = req.query as Query;
      const reqId = String(req.id);
      const budget = new RequestBudget(config.limits.exportTimeoutMs, Number.MAX_SAFE_INTEGER);
      const ctx: Context = {
        reqId,
        log: req.log,
        // A batch's transaction timeout (a page plans and reads in well under it, but a busy Neo4j may take
        // seconds to plan a shape first), never more than what is left of the export's budget.
        db: db.withTxTimeout(config.neo4j.batchTxTimeoutMs).forRequest({ app: 'archipel', reqId, operation: `export ${path}` }, budget),
        budget,
        viewer: ANONYMOUS,
        loaders: new Map(),
      };
      const started = process.hrtime.bigint();
      try {
        try {
          spec.validate(q);
        } catch (err) {
          throw asParameterError(err);
        }
        // A conditional request (a map reloading its layer) reads the version first: a 304 costs that
        // query only. Otherwise the export is prepared meanwhile, so the first byte waits for the
        // longer of the two, not both.
        const conditional = req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;
        const prepared = conditional ? null : spec.prepare(ctx, req);
        prepared?.catch(() => undefined);
        const version = await readStoreVersion(ctx);
        const etag = etagOf(version, [path, normalisedQuery(q), baseUrl(req)]);
        res.setHeader('ETag', etag);
        if (version.lastModified) res.setHeader('Last-Modified', version.lastModified.toUTCString());
        // Caches may keep the file, but ask each time: a 304 costs the version query only.
        res.setHeader('Cache-Control', 'no-cache');
        if (notModified(req.headers, etag, version.lastModified)) {
          res.status(304).end();
          return;
        }
        const writeBody = await (prepared ?? spec.prepare(ctx, req));
        await writeBody(res, (extra = {}) => {
          res.status(200);
          res.setHeader('Content-Type', CONTENT_TYPES[spec.ext]);
          res.setHeader('Content-Disposition', `attachment; filename="${spec.name}-${today()}.${spec.ext}"`);
          for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
        });
        res.end();
        req.log.info({ export: path, roundTrips: ctx.db.roundTrips, durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n) }, 'export');
      } catch (err) {
        if (err instanceof ClientGone) {
          req.log.info({ export: path }, 'export: the client went away');
          return;
        }
        if (res.headersSent) {
          req.log.error({ err, export: path }, 'export failed after its first byte: response aborted');
          res.destroy(err as Error);
          return;
        }
        res.removeHeader('ETag');
        res.removeHeader('Last-Modified');
        if (err instanceof AppError) {
          sendError(res, err.code === 'BAD_USER_INPUT' ? 400 : err.code === 'QUERY_TOO_COMPLEX' ? 503 : 400, err.message, { ...err.extensions });
        } else {
          req.log.error({ err, export: path }, 'unexpected error in an export');
          sendError(res, 500, INTERNAL_MESSAGE, { code: 'INTERNAL_SERVER_ERROR' });
        }
      }
    });

  const geo = (prepare: (ctx: Context, q: Query, base: string) => Promise<GeoExport>): ExportSpec['prepare'] => async (ctx, req) => {
    const exp = await prepare(ctx, req.query as Query, baseUrl(req));
    return async (res, startBody) => {
      startBody({ 'X-Archipel-Omitted': String(exp.omitted) });
      await write(res, '{"type":"FeatureCollection","features":[');
      // Features are written as they are read, WRITE_BATCH at a time (tens of kB, which die young),
      // without waiting inside a page's transaction; between pages, the socket must drain.
      let written = 0;
      let batch: string[] = [];
      const flush = () => {
        if (!batch.length) return;
        if (!res.destroyed) res.write((written ? ',' : '') + batch.join(','));
        written += batch.length;
        batch = [];
      };
      const omitted = await exp.stream(
        (json) => {
          batch.push(json);
          if (batch.length === WRITE_BATCH) flush();
        },
        async () => {
          flush();
          await drained(res);
        },
      );
      flush();
      // A foreign member (RFC 7946 §6.1): what a client that cannot read headers needs to know.
      await write(res, `],"metadata":${JSON.stringify({ features: written, omitted, omittedReason: 'no location and no seat with a known centre', generatedAt: new Date().toISOString() })}}`);
    };
  };

  route('/allies.geojson', { name: 'archipel-allies', ext: 'geojson', validate: allyExportParams, prepare: geo(prepareAllyExport) });
  route('/chantiers.geojson', { name: 'archipel-chantiers', ext: 'geojson', validate: chantierExportParams, prepare: geo(prepareChantierExport) });

  const network = (format: 'gexf' | 'json'): ExportSpec['prepare'] => async (ctx, req) => {
    const p = networkExportParams(req.query as Query);
    let graph;
    try {
      const { f, maxNodes, maxEdges } = networkArguments(p.filter, p.maxNodes, p.maxEdges);
      const net = await buildNetwork(ctx, f, maxNodes, p.projection, false, maxEdges);
      graph = networkGraph(net, p.colorBy, p.projection === NetworkProjection.COLLABORATION);
    } catch (err) {
      throw asParameterError(err);
    }
    const body = format === 'gexf' ? toGexf(graph) : JSON.stringify(graph.export());
    return async (res, startBody) => {
      startBody();
      await write(res, body);
    };
  };
  route('/network.gexf', { name: 'archipel-network', ext: 'gexf', validate: networkExportParams, prepare: network('gexf') });
  route('/network.json', { name: 'archipel-network', ext: 'json', validate: networkExportParams, prepare: network('json') });

  route('/territory-stats.csv', {
    name: 'archipel-territory-stats',
    ext: 'csv',
    validate: statsExportParams,
    async prepare(ctx, req) {
      const p = statsExportParams(req.query as Query);
      let rows: Awaited<ReturnType<typeof territoryStats>>;
      try {
        rows = await territoryStats(ctx, p.level, withinArgument(p.within, p.level), networkFilterParams(p.filter));
      } catch (err) {
        throw asParameterError(err);
      }
      return async (res, startBody) => {
        startBody();
        const csv = stringify({ bom: true, header: true, columns: ['code', 'ref', 'level', 'name', 'allies', 'organizations', 'persons', 'chantiers'] });
        const done = new Promise<void>((resolve, reject) => {
          csv.on('error', reject);
          csv.on('end', resolve);
        });
        // pipe() waits for the socket to drain; the rows are one level's territories, read in one query.
        csv.pipe(res, { end: false });
        for (const r of rows) {
          const t = r.territory;
          csv.write([t.code ?? '', t.ref, t.level, t.name ?? '', r.allies, r.organizations, r.persons, r.chantiers]);
        }
        csv.end();
        await done;
      };
    },
  });

  log.debug('exports mounted');
  return router;
}
