import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { connect, Connection } from '../src/db/connect';
import { makeReadiness } from '../src/db/readiness';
import type { Bundle } from '../src/modules/bundle/bundle.types';
import { ArchipelServer, createServer } from '../src/server';
import type { WarmUpResult } from '../src/warm-up';
import {
  cliEnv, codeVersion, fmt, generateBundle, GeneratedBundle, ImportRun, machine, onInterrupt, parseImport, parseScales, runCli, scaleLabel,
  tempDir, withNeo4j,
  runBench,
} from './harness';

/**
 * npm run bench:read -- [--allies 10000[,100000]] [--seed 1] [--runs 7] [--ops all|network]
 * (--ops network: only the operations of who works with whom)
 *
 * A benchmark, not a timed test: the wall time of representative read requests, as a client sees
 * them. Per scale: a synthetic bundle made and imported by the real CLIs into a dedicated embedded
 * Neo4j (heap 1g, page cache 512m) in a fresh temporary store; then the real API (createServer, as
 * npm start builds it, with the API's 5 s transaction timeout) in this process on 127.0.0.1 port 0,
 * warmed up once by server.warmUp(), and real HTTP POSTs to /graphql, one at a time. Every operation
 * runs --runs times, in rounds (each round runs every operation once), so that a noisy neighbour on
 * the shared machine spreads over all operations instead of hitting one. Slugs, refs and codes are
 * picked from the generated bundle, so they exist at any scale and seed.
 *
 * Prints one markdown table per scale on stdout; progress goes to stderr. Exits 1 when the set-up
 * fails or an operation fails for another reason than the transaction timeout (QUERY_TOO_COMPLEX is a
 * measurement, reported in the table; anything else means the benchmark's own query is wrong).
 */

/** Coordinates of a few big communes (the COG data has none), for the `near` filter. */
const COMMUNE_CENTRES: Record<string, { name: string; latitude: number; longitude: number }> = {
  'commune:69123': { name: 'Lyon', latitude: 45.7578, longitude: 4.832 },
  'commune:75056': { name: 'Paris', latitude: 48.8566, longitude: 2.3522 },
  'commune:13055': { name: 'Marseille', latitude: 43.2965, longitude: 5.3698 },
  'commune:31555': { name: 'Toulouse', latitude: 43.6045, longitude: 1.444 },
};

/** Bounding boxes of a few régions, for the `within` filter. */
const REGION_BOXES: Record<string, { name: string; south: number; north: number; west: number; east: number }> = {
  'region:84': { name: 'Auvergne-Rhône-Alpes', south: 44.11, north: 46.81, west: 2.06, east: 7.19 },
  'region:11': { name: 'Île-de-France', south: 48.12, north: 49.24, west: 1.45, east: 3.56 },
  'region:76': { name: 'Occitanie', south: 42.33, north: 45.05, west: -0.33, east: 4.85 },
};

/** A word of synthetic organisation names ("Synth Coopérative 00042"), searched without its accent. */
const TEXT_WORD = { name: 'Coopérative', query: 'cooperative' };

const NEAR_RADIUS_KM = 20;

/** The slugs, refs and codes the operations use, all taken from the bundle. */
interface References {
  /** The biggest theme (synthetic themes are skewed towards the first), for job (c) and themesMatch. */
  themeA: string;
  /** The README's theme of job (a). */
  themeB: string;
  region: string;
  departement: string;
  commune: string;
  objective: string;
  /** The ally taking part in the most chantiers: node(id) of a hub, with its degree. */
  hubAlly: string;
  /** An ally with the median number of chantiers, for collaborators and suggestions. */
  medianAlly: string;
  /** The ally farthest from medianAlly in the collaboration graph (at most 6 hops), and its distance. */
  farAlly: string;
  farHops: number;
}

/**
 * The collaboration graph of a bundle (shared chantier, shared community, membership: the same
 * contexts as the API's), breadth-first from `from`: the farthest ally within 6 hops (ties by slug).
 */
function farthestCollaborator(bundle: Bundle, from: string): { slug: string; hops: number } {
  // Walked through the contexts (ally → chantier/community/organisation → ally), never as pairs: a
  // chantier of 800 participants would make 320,000 of them.
  const groupsOf = new Map<string, number[]>();
  const members: string[][] = [];
  const addGroup = (slugs: string[]) => {
    const g = members.push(slugs) - 1;
    for (const s of slugs) groupsOf.set(s, [...(groupsOf.get(s) ?? []), g]);
  };
  for (const c of bundle.chantiers ?? []) addGroup((c.participants ?? []).map((p) => p.ally));
  for (const c of bundle.communities ?? []) addGroup((c.members ?? []).map((m) => m.ally));
  for (const af of bundle.affiliations ?? []) addGroup([af.person, af.organization]);
  const privateSlugs = new Set((bundle.allies ?? []).filter((a) => a.kind === 'PERSON' && a.public !== true).map((a) => a.slug));
  const dist = new Map([[from, 0]]);
  const usedGroups = new Set<number>();
  let frontier = [from];
  for (let d = 1; d <= 6 && frontier.length; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const g of groupsOf.get(u) ?? []) {
        if (usedGroups.has(g)) continue;
        usedGroups.add(g);
        for (const v of members[g]) if (!dist.has(v) && !privateSlugs.has(v)) { dist.set(v, d); next.push(v); }
      }
    }
    frontier = next;
  }
  const [slug, hops] = [...dist].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
  return { slug, hops };
}

function pickReferences(bundle: Bundle): References {
  const refs = new Set((bundle.territories ?? []).map((t) => t.ref));
  for (const a of bundle.allies ?? []) {
    if (a.basedIn) refs.add(a.basedIn);
    for (const r of a.actsIn ?? []) refs.add(r);
  }
  const first = (candidates: string[], what: string): string => {
    const found = candidates.find((c) => refs.has(c));
    if (!found) throw new Error(`the bundle has none of the ${what} the benchmark knows (${candidates.join(', ')})`);
    return found;
  };
  const themes = (bundle.themes ?? []).map((t) => t.slug);
  const objectives = (bundle.objectives ?? []).map((o) => o.code);
  if (themes.length < 2 || objectives.length === 0) throw new Error('the bundle has fewer than 2 themes or no Charter objective');
  const region = first(Object.keys(REGION_BOXES), 'régions');
  const participations = new Map<string, number>();
  for (const c of bundle.chantiers ?? []) for (const p of c.participants ?? []) participations.set(p.ally, (participations.get(p.ally) ?? 0) + 1);
  const byParticipations = [...participations].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  const hubAlly = byParticipations[0]?.[0] ?? bundle.allies![0].slug;
  const publicAllies = new Set((bundle.allies ?? []).filter((a) => a.kind === 'ORGANIZATION' || a.public === true).map((a) => a.slug));
  const visible = byParticipations.filter(([slug]) => publicAllies.has(slug));
  const medianAlly = visible[Math.floor(visible.length / 2)]?.[0] ?? hubAlly;
  const far = farthestCollaborator(bundle, medianAlly);
  if (!(bundle.allies ?? []).some((a) => a.name.includes(TEXT_WORD.name))) throw new Error(`no ally name holds "${TEXT_WORD.name}"`);
  return {
    themeA: themes[0],
    themeB: themes[1],
    region,
    departement: first(['departement:69', 'departement:75', 'departement:13', 'departement:31', ...[...refs].filter((r) => r.startsWith('departement:')).sort()], 'départements'),
    commune: first(Object.keys(COMMUNE_CENTRES), 'communes'),
    objective: objectives.includes('2') ? '2' : objectives[0],
    hubAlly,
    medianAlly,
    farAlly: far.slug,
    farHops: far.hops,
  };
}

type Data = Record<string, unknown>;

interface GraphQLResult {
  data?: Data;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** From the server's "graphql request" log line. */
  roundTrips?: number;
  ms: number;
  status: number;
}

interface Operation {
  name: string;
  query: string;
  variables?: Data;
  /** Dotted path of the main list in `data` (its length is reported as "items"), or of a single object (1 or 0). */
  list: string;
  /** Dotted path of the connection's totalCount, or a function for several. */
  total?: string | ((data: Data) => string);
  /** Untimed requests made once before the timed runs (following cursors, looking up an id); returns the variables. */
  prepare?: (gql: Gql) => Promise<Data>;
}

type Gql = (query: string, variables?: Data) => Promise<GraphQLResult>;

interface Measured {
  op: Operation;
  ms: number[];
  roundTrips: Set<number | undefined>;
  items?: number;
  total?: string;
  errors: string[];
}

const at = (data: unknown, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Data)[key] : undefined), data);

/** The same fields for every page of allies, so that only the order or the filter differs between rows. */
const ALLY_PAGE = 'totalCount pageInfo { endCursor hasNextPage } edges { node { id name kind } }';

function operations(r: References): Operation[] {
  const centre = COMMUNE_CENTRES[r.commune];
  const box = REGION_BOXES[r.region];
  /** A page of 20 allies: `args` after `first: 20`; `declare` declares the variables (`$filter: AllyFilter`). */
  const alliesPage = (id: string, name: string, args: string, more: { declare?: string; variables?: Data; fields?: string } = {}): Operation => ({
    name,
    query: `query Bench${id}${more.declare ? `(${more.declare})` : ''} {
      allies(first: 20${args}) { ${ALLY_PAGE.replace('kind', `kind${more.fields ?? ''}`)} }
    }`,
    variables: more.variables,
    list: 'allies.edges',
    total: 'allies.totalCount',
  });
  const filter = (f: Data) => ({ declare: '$filter: AllyFilter', variables: { filter: f } });
  const byName = 'orderBy: {field: NAME}';
  return [
    alliesPage('AlliesDefault', 'allies(first: 20), default order', ''),
    alliesPage('AlliesByName', 'orderBy NAME, page 1', `, ${byName}`),
    {
      ...alliesPage('AlliesByNamePage10', 'orderBy NAME, page 10', `, after: $after, ${byName}`, { declare: '$after: String' }),
      // Follows the cursors of pages 1 to 9 once; only page 10 is timed.
      prepare: async (gql) => {
        let after: string | null = null;
        for (let page = 1; page < 10; page++) {
          const res = await gql(`query($after: String) { allies(first: 20, after: $after, ${byName}) { pageInfo { endCursor hasNextPage } } }`, { after });
          const info = at(res.data, 'allies.pageInfo') as { endCursor: string | null; hasNextPage: boolean } | undefined;
          if (!info?.hasNextPage || !info.endCursor) throw new Error(`page ${page} of allies by name has no next page (${JSON.stringify(res.errors ?? info)})`);
          after = info.endCursor;
        }
        return { after };
      },
    },
    alliesPage('AlliesByDegree', 'orderBy DEGREE DESC', ', orderBy: {field: DEGREE, direction: DESC}', { fields: ' degree' }),
    alliesPage('AlliesBySignature', 'orderBy CHARTER_SIGNED_ON', ', orderBy: {field: CHARTER_SIGNED_ON}', { fields: ' charterSignedOn' }),
    {
      name: `job (a): allies of ${r.themeB} in ${r.region} + their chantiers; the theme's chantiers`,
      query: `query BenchJobA($theme: String!, $territory: String!) {
        allies(filter: { themes: [$theme], territory: $territory }) {
          totalCount
          edges { node { name basedIn { name } chantiers { edges { node { role chantier { title } } } } } }
        }
        theme(slug: $theme) {
          chantiers { edges { node { title status validatedOn events { title startsOn } } } }
        }
      }`,
      variables: { theme: r.themeB, territory: r.region },
      list: 'allies.edges',
      total: 'allies.totalCount',
    },
    {
      name: `job (b): chantiers of objective ${r.objective} (VALIDATED, ACTIVE) + referents, territories; collective VALIDATED chantiers`,
      query: `query BenchJobB($code: String!) {
        charterObjective(code: $code) {
          title
          chantiers(filter: { status: [VALIDATED, ACTIVE] }) {
            totalCount
            edges { node { title referents { name } territories { ref name } } }
          }
        }
        chantiers(filter: { kind: COLLECTIVE, status: [VALIDATED] }) {
          totalCount
          edges { node { title validatedOn themes { name } } }
        }
      }`,
      variables: { code: r.objective },
      list: 'charterObjective.chantiers.edges',
      total: 'charterObjective.chantiers.totalCount',
    },
    {
      name: `job (c): ${r.themeA}'s leads and members (first: 100) with coordinates`,
      query: `query BenchJobC($theme: String!) {
        theme(slug: $theme) {
          name
          leads { name location { latitude longitude } }
          allies(first: 100) { totalCount edges { node { name kind location { latitude longitude } } } }
        }
      }`,
      variables: { theme: r.themeA },
      list: 'theme.allies.edges',
      total: 'theme.allies.totalCount',
    },
    alliesPage('AlliesText', `filter text "${TEXT_WORD.query}"`, ', filter: $filter', filter({ text: TEXT_WORD.query })),
    alliesPage('AlliesNear', `filter near ${centre.name} (${r.commune}), ${NEAR_RADIUS_KM} km`, ', filter: $filter',
      filter({ near: { latitude: centre.latitude, longitude: centre.longitude, radiusKm: NEAR_RADIUS_KM } })),
    alliesPage('AlliesWithin', `filter within the box of ${box.name} (${r.region})`, ', filter: $filter',
      filter({ within: { south: box.south, north: box.north, west: box.west, east: box.east } })),
    alliesPage('AlliesThemesAll', `filter themes ${r.themeA} AND ${r.themeB} (themesMatch: ALL)`, ', filter: $filter',
      filter({ themes: [r.themeA, r.themeB], themesMatch: 'ALL' })),
    alliesPage('AlliesInDepartement', `filter territory ${r.departement}`, ', filter: $filter', filter({ territory: r.departement })),
    {
      name: 'allies(first: 50) with themes, basedIn, chantiers and their objectives',
      query: `query BenchAlliesDeep {
        allies(first: 50) { edges { node { name themes { role theme { name } } basedIn { name } chantiers { edges { node { role chantier { title objectives { code } } } } } } } }
      }`,
      list: 'allies.edges',
    },
    {
      name: `node(id) of the hub ally ${r.hubAlly}, with its degree`,
      query: 'query BenchNode($id: ID!) { node(id: $id) { id ... on Ally { name degree } } }',
      list: 'node',
      prepare: async (gql) => {
        const res = await gql('query($slug: String!) { ally(slug: $slug) { id } }', { slug: r.hubAlly });
        const id = at(res.data, 'ally.id');
        if (typeof id !== 'string') throw new Error(`no id for ally ${r.hubAlly} (${JSON.stringify(res.errors)})`);
        return { id };
      },
    },
    {
      name: `territory(ref: "${r.region}") { allies(first: 20) { totalCount } }`,
      query: 'query BenchTerritoryAllies($ref: String!) { territory(ref: $ref) { name allies(first: 20) { totalCount } } }',
      variables: { ref: r.region },
      list: 'territory',
      total: 'territory.allies.totalCount',
    },
    {
      name: 'charterObjectives { chantiers(first: 20) { totalCount } allies(first: 20) { totalCount } }',
      query: 'query BenchObjectives { charterObjectives { code chantiers(first: 20) { totalCount } allies(first: 20) { totalCount } } }',
      list: 'charterObjectives',
      total: (data) => ((data.charterObjectives ?? []) as { chantiers: { totalCount: number }; allies: { totalCount: number } }[])
        .map((o) => `${o.chantiers.totalCount}/${o.allies.totalCount}`).join(', ') + ' (chantiers/allies)',
    },
    ...networkOperations(r),
  ];
}

/** Who works with whom (issue #11): collaborators, suggestions, a path, networks, search, statistics. */
function networkOperations(r: References): Operation[] {
  const collaborators = (slug: string, what: string): Operation => ({
    name: `collaborators(first: 20) of ${what} ${slug}`,
    query: `query BenchCollaborators($slug: String!) { ally(slug: $slug) { collaborators(first: 20) { totalCount edges { node { weight ally { name } via { id } } } } } }`,
    variables: { slug },
    list: 'ally.collaborators.edges',
    total: 'ally.collaborators.totalCount',
  });
  return [
    collaborators(r.medianAlly, 'the median ally'),
    collaborators(r.hubAlly, 'the hub ally'),
    {
      name: `suggestedCollaborators(first: 10) of the median ally ${r.medianAlly}`,
      query: 'query BenchSuggestions($slug: String!) { ally(slug: $slug) { suggestedCollaborators(first: 10) { score reasons ally { name } } } }',
      variables: { slug: r.medianAlly },
      list: 'ally.suggestedCollaborators',
    },
    {
      name: `collaborationPath(maxHops: 6) ${r.medianAlly} → ${r.farAlly} (${r.farHops} hops)`,
      query: 'query BenchPath($from: String!, $to: String!) { collaborationPath(from: $from, to: $to, maxHops: 6) { hops steps { ally { name } via { id } } } }',
      variables: { from: r.medianAlly, to: r.farAlly },
      list: 'collaborationPath.steps',
      total: 'collaborationPath.hops',
    },
    ...(['BIPARTITE', 'COLLABORATION'] as const).map((projection) => ({
      name: `network(themes: [${r.themeA}], maxNodes: 2000, ${projection}) with communities`,
      query: `query BenchNetwork($theme: String!) { network(filter: { themes: [$theme] }, maxNodes: 2000, projection: ${projection}) { truncated totalNodes nodes { id type label degree community betweenness } edges { source target weight } communities { id size label } } }`,
      variables: { theme: r.themeA },
      list: 'network.nodes',
      total: 'network.totalNodes',
    })),
    {
      name: `search(text: "${TEXT_WORD.query}", first: 20)`,
      query: 'query BenchSearch($text: String!) { search(text: $text, first: 20) { score node { id } } }',
      variables: { text: TEXT_WORD.query },
      list: 'search',
    },
    {
      name: 'territoryStats(level: REGION)',
      query: 'query BenchRegionStats { territoryStats(level: REGION) { territory { code name } allies organizations persons chantiers } }',
      list: 'territoryStats',
    },
    {
      name: 'themeStats',
      query: 'query BenchThemeStats { themeStats { theme { slug } allies leads chantiers } }',
      list: 'themeStats',
    },
  ];
}

/** The API in this process, as npm start builds it, over the benchmark's Neo4j; log lines captured in memory. */
async function startApi(uri: string): Promise<{ gql: Gql; server: ArchipelServer; timeoutMs: number; close(): Promise<void> }> {
  // An explicit environment: the developer's own variables must not change what is measured.
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: '', LOG_LEVEL: 'info' });
  const requestLines = new Map<string, Data>();
  const log = pino({ level: 'info', base: { service: 'archipel' } }, {
    write(line: string) {
      const entry = JSON.parse(line) as Data;
      if (entry.msg === 'graphql request') requestLines.set(String(entry.reqId), entry);
      else if (Number(entry.level) >= 40) process.stderr.write(`[api] ${line}`);
    },
  });
  let conn: Connection | undefined;
  let server: ArchipelServer | undefined;
  const close = async () => {
    // No request of the benchmark is in flight when it closes normally; on Ctrl-C, do not wait for one.
    server?.httpServer.closeAllConnections();
    await server?.apollo.stop().catch(() => undefined);
    await conn?.close();
  };
  const unregister = onInterrupt(close);
  try {
    conn = await connect(config, log, { operation: 'read-bench' });
    server = await createServer({ config, log, db: conn.db, readiness: makeReadiness(conn.driver, conn.db, config.neo4j.database, conn.migrations) });
    const httpServer = server.httpServer;
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(0, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    await close();
    unregister();
    throw err;
  }
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  let sequence = 0;
  const gql: Gql = async (query, variables) => {
    const reqId = `bench-${++sequence}`;
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': reqId },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<GraphQLResult, 'ms' | 'status'>;
    const ms = performance.now() - started;
    const line = requestLines.get(reqId);
    requestLines.delete(reqId);
    return { ...body, ms, status: res.status, roundTrips: line?.roundTrips as number | undefined };
  };
  return {
    gql,
    server,
    timeoutMs: config.neo4j.txTimeoutMs,
    async close() {
      await close();
      unregister();
    },
  };
}

interface ScaleResult {
  allies: number;
  generated: GeneratedBundle;
  imported?: ImportRun;
  references?: References;
  warmUp?: WarmUpResult;
  timeoutMs?: number;
  measured: Measured[];
  error?: string;
}

async function benchScale(allies: number, seed: number, runs: number, dir: string, only?: 'network'): Promise<ScaleResult> {
  const label = scaleLabel(allies);
  const generated = await generateBundle(allies, seed, dir, label);
  const result: ScaleResult = { allies, generated, measured: [] };
  if (generated.error) return { ...result, error: generated.error };
  try {
    result.references = pickReferences(JSON.parse(readFileSync(generated.file, 'utf8')) as Bundle);
  } catch (err) {
    return { ...result, error: `could not pick references from the bundle: ${(err as Error).message}` };
  }
  const ops = only === 'network' ? networkOperations(result.references) : operations(result.references);
  return withNeo4j(label, async (neo4j) => {
    result.imported = parseImport(await runCli('import', [generated.file], cliEnv(neo4j), `${label} import`));
    if (result.imported.error) return { ...result, error: `import failed, ${result.imported.error}` };
    const api = await startApi(neo4j.uri);
    try {
      result.timeoutMs = api.timeoutMs;
      process.stderr.write(`[${label} reads] API listening; warming up\n`);
      result.warmUp = await api.server.warmUp();
      process.stderr.write(`[${label} reads] warm-up: ${result.warmUp.operations} operations in ${result.warmUp.ms} ms, ${result.warmUp.failed} failed\n`);
      const variables: (Data | undefined)[] = [];
      for (const op of ops) variables.push(op.prepare ? await op.prepare(api.gql) : op.variables);
      result.measured = ops.map((op) => ({ op, ms: [], roundTrips: new Set(), errors: [] }));
      for (let round = 1; round <= runs; round++) {
        const started = performance.now();
        for (const [i, m] of result.measured.entries()) {
          const res = await api.gql(m.op.query, variables[i]);
          m.ms.push(res.ms);
          m.roundTrips.add(res.roundTrips);
          if (res.errors?.length || res.status !== 200) {
            const codes = [...new Set((res.errors ?? []).map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'))].join('+') || `HTTP ${res.status}`;
            m.errors.push(codes);
            process.stderr.write(`[${label} reads] ${m.op.name}: ${codes} after ${res.ms.toFixed(0)} ms: ${res.errors?.[0]?.message ?? ''}\n`);
          } else if (m.items === undefined) {
            const list = at(res.data, m.op.list);
            m.items = Array.isArray(list) ? list.length : list ? 1 : 0;
            const total = typeof m.op.total === 'function' ? m.op.total(res.data!) : m.op.total ? at(res.data, m.op.total) : undefined;
            m.total = total === undefined ? undefined : String(total);
          }
        }
        process.stderr.write(`[${label} reads] round ${round}/${runs}: ${ops.length} operations in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      }
      return result;
    } finally {
      await api.close();
    }
  }).catch((err: Error) => ({ ...result, error: err.message }));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** p90 by nearest rank; below 10 runs that is the maximum, and the table says max. */
const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.ceil(0.9 * xs.length) - 1];
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const cell = (s: string): string => s.replace(/\|/g, '\\|');

function describeErrors(m: Measured, timeoutMs: number): string {
  if (m.errors.length === 0) return '—';
  const counts = new Map<string, number>();
  for (const e of m.errors) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts].map(([code, n]) => `${n}/${m.ms.length} ${code}${code.includes('QUERY_TOO_COMPLEX') ? ` (over the ${timeoutMs / 1000} s transaction timeout)` : ''}`).join('; ');
}

function report(s: ScaleResult, runs: number, seed: number): string {
  const lines = [`### ${s.allies.toLocaleString('en-US')} allies (seed ${seed})`, ''];
  if (s.generated.relationships) {
    lines.push(`Graph: ${s.allies} allies, ${s.generated.relationships} relationships (bundle ${fmt(s.generated.bundleMb)} MB)`
      + (s.imported?.cliSeconds ? `, imported in ${fmt(s.imported.cliSeconds)} s.` : '.'));
  }
  if (s.warmUp) {
    lines.push(`API warm-up (server.warmUp(), ${s.warmUp.operations} operations, once): ${(s.warmUp.ms / 1000).toFixed(1)} s`
      + `${s.warmUp.failed ? `, ${s.warmUp.failed} FAILED` : ''}.`);
  }
  if (s.error) lines.push('', `FAILED: ${s.error}`);
  if (s.measured.length) {
    const spread = runs >= 10 ? 'p90' : 'max';
    lines.push(
      '',
      `| operation | median ms | ${spread} ms | min ms | 1st run ms | round trips | items | totalCount | errors |`,
      '|---|---:|---:|---:|---:|---:|---:|---|---|',
    );
    for (const m of s.measured) {
      const trips = [...m.roundTrips].map((t) => (t === undefined ? '?' : String(t))).sort().join(', ');
      lines.push(`| ${cell(m.op.name)} | ${ms(median(m.ms))} | ${ms(runs >= 10 ? p90(m.ms) : Math.max(...m.ms))} | ${ms(Math.min(...m.ms))} | `
        + `${ms(m.ms[0])} | ${trips} | ${m.items ?? '—'} | ${cell(m.total ?? '—')} | ${cell(describeErrors(m, s.timeoutMs ?? 5000))} |`);
    }
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      allies: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '7' },
      ops: { type: 'string', default: 'all' },
    },
  });
  const scales = parseScales(values.allies);
  const runs = Number(values.runs);
  if (!scales || !/^\d+$/.test(values.seed) || !Number.isInteger(runs) || runs < 1 || !['all', 'network'].includes(values.ops)) {
    process.stderr.write('usage: npm run bench:read -- [--allies 10000[,100000]] [--seed 1] [--runs 7] [--ops all|network]\n');
    return 2;
  }
  const seed = Number(values.seed);
  const code = codeVersion();
  const bundles = tempDir('archipel-bench-bundles-');
  const results: ScaleResult[] = [];
  try {
    for (const allies of scales) results.push(await benchScale(allies, seed, runs, bundles.dir, values.ops === 'network' ? 'network' : undefined));
  } finally {
    await bundles.remove();
  }
  const lines = [
    `## Read benchmark (${new Date().toISOString().slice(0, 10)}, seed ${seed}, ${runs} runs per operation)`,
    '',
    `Machine: ${machine()}.`,
    '',
    `Code: ${code}.`,
    '',
    'Wall time of one HTTP POST /graphql on 127.0.0.1 (request, resolvers, Cypher, JSON), one request at a time; '
      + 'every round runs each operation once. Round trips: Cypher transactions of the request, from the server\'s log line. '
      + 'Items: length of the main list of the answer (or 1 for one object); totalCount: of that list when asked. '
      + '1st run: the first timed request of that shape after the warm-up.',
    '',
    ...results.map((s) => report(s, runs, seed)).flatMap((t) => [t, '']),
  ];
  // A blank line at the end: npm run bench prints the import benchmark right after.
  process.stdout.write(`${lines.join('\n').trimEnd()}\n\n`);
  const broken = results.some((s) => s.error || s.measured.some((m) => m.errors.some((e) => e !== 'QUERY_TOO_COMPLEX')));
  return broken ? 1 : 0;
}

runBench(main);
