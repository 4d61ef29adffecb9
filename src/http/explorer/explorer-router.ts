import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Router } from 'express';
import { fromRoot } from '../../paths';

/**
 * `GET /explorer` (DESIGN §5, issue #12): a page for a coordinator, with a network view (sigma.js)
 * and a map view of the same selection, from this API. Its sources are in `explorer/`; `npm run build`
 * bundles them with the npm packages they use into `dist/explorer/` (scripts/build-explorer.js), and
 * this router serves that directory: no CDN, the page works offline.
 *
 * Assets are served under `/explorer/assets/<name>?v=<hash of the content>`, cacheable for a year;
 * the page itself is `no-cache`. Its Content-Security-Policy allows this origin only: scripts and
 * styles from `/explorer/assets/`, GraphQL and the exports by fetch, and `blob:` workers (the
 * ForceAtlas2 layout runs in a Web Worker that graphology-layout-forceatlas2 builds from a Blob).
 */

export const EXPLORER_PATH = '/explorer';
const ASSETS = ['explorer.js', 'explorer.js.map', 'explorer.css', 'outline.json'] as const;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  map: 'application/json; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

interface Built {
  html: string;
  assets: Map<string, { body: Buffer; contentType: string }>;
}

/** The built page and its assets, read once; null when `dist/explorer/` has not been built. */
function loadBuilt(dir: string): Built | null {
  if (!existsSync(`${dir}/index.html`) || !ASSETS.every((a) => existsSync(`${dir}/${a}`))) return null;
  const assets = new Map<string, { body: Buffer; contentType: string }>();
  let html = readFileSync(`${dir}/index.html`, 'utf8');
  for (const name of ASSETS) {
    const body = readFileSync(`${dir}/${name}`);
    assets.set(name, { body, contentType: CONTENT_TYPES[name.split('.').pop() as string] });
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 16);
    html = html.replaceAll(`{{${name}}}`, `${EXPLORER_PATH}/assets/${name}?v=${hash}`);
  }
  return { html, assets };
}

/** The router of the page and its assets; `dir` is where they were built (default `dist/explorer/`). */
export function explorerRouter(dir = fromRoot('dist', 'explorer')): Router {
  const router = Router();
  let built: Built | null = null;
  // Read at the first request, not at start: a build (npm run build) may land after the server started in a test.
  const current = () => (built ??= loadBuilt(dir));

  router.get(EXPLORER_PATH, (_req, res) => {
    const b = current();
    if (!b) {
      res.status(503).type('text/plain; charset=utf-8').send('The explorer page is not built: run `npm run build` (it bundles explorer/ into dist/explorer/).\n');
      return;
    }
    res
      .status(200)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'referrer-policy': 'no-referrer',
      })
      .send(b.html);
  });

  router.get(`${EXPLORER_PATH}/assets/:name`, (req, res, next) => {
    const found = current()?.assets.get(String(req.params.name));
    if (!found) return next();
    res
      .status(200)
      .set({
        'content-type': found.contentType,
        'cache-control': req.query.v ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      .send(found.body);
  });

  return router;
}
