import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { INTERNAL_MESSAGE } from '../errors/format-error';

/**
 * The HTTP side of DESIGN §6 (issue #9), each part a function of its own so that server.ts only
 * calls them: security headers, the per-IP rate limit, and a last error handler that never lets a
 * stack or a source path out.
 */

/**
 * helmet's headers on every response (nosniff, frame-ancestors, COOP/CORP, referrer policy, HSTS…).
 * Its Content-Security-Policy is the strictest one (`default-src 'none'`): the API serves JSON; the
 * GraphiQL page sets its own policy over it (src/http/graphiql.ts), which keeps its scripts working.
 */
export function registerSecurityHeaders(app: Express): void {
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] } },
    }),
  );
}

/**
 * Requests per minute per client IP (express-rate-limit; IPv6 clients grouped by /56), or null when
 * off (ARCHIPEL_RATE_LIMIT_PER_MIN=0, the default outside production). Behind a reverse proxy, set
 * ARCHIPEL_TRUST_PROXY_HOPS so that the client IP is read from X-Forwarded-For.
 */
export function rateLimitMiddleware(config: Config): RequestHandler | null {
  if (config.rateLimitPerMinute <= 0) return null;
  return rateLimit({
    windowMs: 60_000,
    limit: config.rateLimitPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
        errors: [
          {
            message: `too many requests from your address: at most ${config.rateLimitPerMinute} per minute; retry after the number of seconds in the Retry-After header`,
            extensions: { code: 'RATE_LIMITED' },
          },
        ],
      });
    },
  });
}

/** Express `trust proxy` from ARCHIPEL_TRUST_PROXY_HOPS (0: the socket's address is the client's). */
export function applyTrustProxy(app: Express, config: Config): void {
  app.set('trust proxy', config.trustProxyHops);
}

/**
 * The last error handler: an error no route answered becomes a JSON error without stack or path
 * (Express's own handler prints the stack as HTML outside production). 4xx errors keep their
 * message when the library marks it as safe to show (`expose`, e.g. body-parser's), else a generic one.
 */
export function registerLastErrorHandler(app: Express, log: Logger): void {
  const handler: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = err as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown };
    const raw = Number(e.status ?? e.statusCode);
    const status = Number.isInteger(raw) && raw >= 400 && raw < 600 ? raw : 500;
    if (status >= 500) (req.log ?? log).error({ err }, 'unhandled error in an HTTP request');
    const message = status < 500 ? (e.expose === true && typeof e.message === 'string' ? e.message : 'bad request') : INTERNAL_MESSAGE;
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  };
  app.use(handler);
}
