import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express, Request } from 'express';

/**
 * GraphiQL for browsers, served by the API itself (DESIGN §5: no CDN, it must work offline).
 *
 * `GET /graphql` from a browser (a request preferring text/html, without a `query` parameter) gets a
 * page that boots GraphiQL; every script and stylesheet it loads is served under `/graphiql/`, read
 * once from the installed npm packages. Every other request to /graphql goes on to Apollo unchanged.
 *
 * GraphiQL 4's UMD bundle runs without a build step on React 18's UMD builds (React 19 has none).
 */

export const GRAPHIQL_ASSETS_PATH = '/graphiql';

/** What the query editor shows on a first visit (GraphiQL keeps the user's own query afterwards). */
export const DEFAULT_QUERY = `# Archipel: who works on what, with whom, where.
# Run: Ctrl-Enter or ▶. The schema: Docs (book icon).
# The README's example queries can be pasted here.
{
  themes {
    totalCount
    edges { node { slug name } }
  }
  allies(first: 5) {
    totalCount
    edges {
      node {
        name
        kind
        basedIn { ref name }
        actsIn { ref name }
      }
    }
  }
  territories(first: 5) {
    edges { node { ref name level } }
  }
}
`;

/**
 * The page's own policy: nothing but this origin. GraphiQL's stylesheet embeds its fonts and icons as
 * data: URLs, and its dialogs (settings, short keys) insert `<style>` elements, hence `data:` and
 * 'unsafe-inline' for styles only. Scripts: 'self' alone (no inline script, no eval).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

interface Asset {
  name: string;
  contentType: string;
  body: Buffer;
  /** The asset's URL, versioned by a hash of its content, so it can be cached for a year. */
  url: string;
}

/** A file of an installed package (resolved through its package.json: the packages' `exports` hide the rest). */
function packageFile(pkg: string, file: string): Buffer {
  return readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file));
}

function asset(name: string, contentType: string, body: Buffer | string): Asset {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const hash = createHash('sha256').update(buf).digest('base64url').slice(0, 16);
  return { name, contentType, body: buf, url: `${GRAPHIQL_ASSETS_PATH}/${name}?v=${hash}` };
}

function bootScript(endpoint: string): string {
  const options = JSON.stringify({ url: endpoint, defaultQuery: DEFAULT_QUERY });
  return `// Boots GraphiQL on the page Archipel serves at GET ${endpoint} (src/http/graphiql.ts).
(function () {
  var options = ${options};
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: options.url }),
      defaultQuery: options.defaultQuery,
    }),
  );
})();
`;
}

const PAGE_CSS = `html, body { height: 100%; margin: 0; }
#graphiql { height: 100vh; }
`;

interface GraphiqlAssets {
  scripts: Asset[];
  styles: Asset[];
  byName: Map<string, Asset>;
}

function loadAssets(endpoint: string): GraphiqlAssets {
  const scripts = [
    asset('react.production.min.js', JS, packageFile('react', 'umd/react.production.min.js')),
    asset('react-dom.production.min.js', JS, packageFile('react-dom', 'umd/react-dom.production.min.js')),
    asset('graphiql.min.js', JS, packageFile('graphiql', 'graphiql.min.js')),
    asset('archipel-graphiql.js', JS, bootScript(endpoint)),
  ];
  const styles = [
    asset('graphiql.min.css', CSS, packageFile('graphiql', 'graphiql.min.css')),
    asset('archipel-graphiql.css', CSS, PAGE_CSS),
  ];
  return { scripts, styles, byName: new Map([...scripts, ...styles].map((a) => [a.name, a])) };
}

function page({ scripts, styles }: GraphiqlAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Archipel · GraphiQL</title>
<link rel="icon" href="data:,">
${styles.map((s) => `<link rel="stylesheet" href="${s.url}">`).join('\n')}
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<noscript>GraphiQL needs JavaScript. The API itself answers GraphQL requests at POST /graphql.</noscript>
${scripts.map((s) => `<script src="${s.url}"></script>`).join('\n')}
</body>
</html>
`;
}

/**
 * Whether a GET to the endpoint is a browser opening the page: it prefers HTML to every GraphQL
 * response type (so `Accept: *\/*` stays JSON, as in Apollo's own landing-page rule) and asks no query.
 */
function wantsGraphiql(req: Request): boolean {
  if (req.query.query !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) === 'text/html';
}

/** Registers the page on `GET endpoint` and its assets; call before the GraphQL middleware. */
export function registerGraphiql(app: Express, endpoint = '/graphql'): void {
  const assets = loadAssets(endpoint);
  const html = page(assets);

  app.get(endpoint, (req, res, next) => {
    if (!wantsGraphiql(req)) return next();
    res
      .status(200)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        vary: 'Accept',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      })
      .send(html);
  });

  app.get(`${GRAPHIQL_ASSETS_PATH}/:name`, (req, res, next) => {
    const found = assets.byName.get(String(req.params.name));
    if (!found) return next();
    res
      .status(200)
      .set({
        'content-type': found.contentType,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
      })
      .send(found.body);
  });
}
