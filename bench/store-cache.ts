import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, startEmbeddedNeo4j } from '../src/db/embedded-neo4j';
import { fromRoot, projectRoot } from '../src/paths';
import { cliEnv, generateBundle, HEAP, ImportRun, onInterrupt, PAGE_CACHE, parseImport, runCli, tempDir } from './harness';

/**
 * The benchmark's stores, generated and imported once per scale and seed, kept under
 * .cache/bench-stores/<scale>-<seed>/ (gitignored) and reused while nothing that produced them changed.
 *
 * The key is a SHA-256 over: the number of allies and the seed; the content of every source file the
 * `generate` and `import` CLIs reach through relative imports (so the generator, the bundle codec,
 * validation, the importer, the geography, the migrations runner and the graph model they read);
 * cypher/migrations/ and the Cypher the importer runs (cypher/queries/bundle/, cypher/queries/migration/);
 * neo4j/pom.xml (the Neo4j version, hence the store format); the version of
 * @etalab/decoupage-administratif (the official geography); this file (it records the picks). Any change there rebuilds the store; a
 * change of the read path (other queries, resolvers) does not.
 *
 * A store counts only once its import finished and its Neo4j stopped cleanly (`store.json` is written
 * last); an interrupted build is removed and redone on the next run.
 */

export interface BenchStore {
  /** The Neo4j home to start (data, logs). */
  home: string;
  key: string;
  allies: number;
  seed: number;
  /** The generator's summary line ("… N relationships …"). */
  generateLine: string;
  relationships: number;
  /** The slugs, refs and codes the operations pick from, read from the bundle when it was made. */
  picks: StorePicks;
  /** When this run built the store: the import's figures; undefined when it was reused. */
  built?: { importRun: ImportRun; seconds: number };
  reused: boolean;
}

/** What the operations need from the generated bundle, saved with the store (the bundle itself is not kept). */
export interface StorePicks {
  /** The visible allies taking part in the most chantiers (top 5), with that number. */
  busiestAllies: { slug: string; chantiers: number }[];
  /** Theme slug → members, by decreasing size. */
  themes: { slug: string; members: number }[];
  /** Objective code → chantiers serving it, by decreasing size. */
  objectives: { code: string; chantiers: number }[];
  /** Territory refs → allies based or acting directly there (not within). */
  directAllies: Record<string, number>;
  /** Allies based in each commune, by commune ref (for the département and région picks). */
  basedIn: Record<string, number>;
}

const STORE_FORMAT = 1;

/** Relative imports of a TypeScript file, resolved to files (./x → ./x.ts or ./x/index.ts). */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = path.resolve(path.dirname(file), m[1]);
    for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
      if (existsSync(candidate) && statSync(candidate).isFile()) {
        out.push(candidate);
        break;
      }
    }
  }
  return out;
}

/** Every source file reachable from `entries` through relative imports (JSON data files included). */
export function reachableSources(entries: string[]): string[] {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.ts')) stack.push(...relativeImports(file));
  }
  return [...seen].sort();
}

const filesUnder = (dir: string): string[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
};

/** The cache key of a store: see the module comment for what goes in. */
export function storeKey(allies: number, seed: number): string {
  const hash = createHash('sha256');
  hash.update(`archipel-bench-store ${STORE_FORMAT} allies=${allies} seed=${seed}\n`);
  const files = [
    ...reachableSources([fromRoot('src', 'cli', 'import.ts'), fromRoot('src', 'cli', 'generate.ts')]),
    ...filesUnder(fromRoot('cypher', 'migrations')),
    ...filesUnder(fromRoot('cypher', 'queries', 'bundle')),
    ...filesUnder(fromRoot('cypher', 'queries', 'migration')),
    fromRoot('neo4j', 'pom.xml'),
    // What the store records besides the graph (the picks).
    fromRoot('bench', 'store-cache.ts'),
    fromRoot('node_modules', '@etalab', 'decoupage-administratif', 'package.json'),
  ];
  for (const file of files) {
    hash.update(`${path.relative(projectRoot, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** What the operations pick from a bundle (plain JSON, any scale). */
export function picksFromBundle(bundle: {
  themes?: { slug: string }[];
  objectives?: { code: string }[];
  allies?: { slug: string; kind?: string; public?: boolean; basedIn?: string; actsIn?: string[]; themes?: { theme: string }[] }[];
  chantiers?: { slug: string; objectives?: string[]; participants?: { ally: string }[] }[];
}): StorePicks {
  // An anonymous reader sees organisations and public persons only: the card must be one of those.
  const visible = new Set((bundle.allies ?? []).filter((a) => a.kind !== 'PERSON' || a.public === true).map((a) => a.slug));
  const participations = new Map<string, number>();
  const perObjective = new Map<string, number>((bundle.objectives ?? []).map((o) => [o.code, 0]));
  for (const c of bundle.chantiers ?? []) {
    for (const p of c.participants ?? []) if (visible.has(p.ally)) participations.set(p.ally, (participations.get(p.ally) ?? 0) + 1);
    for (const o of c.objectives ?? []) perObjective.set(o, (perObjective.get(o) ?? 0) + 1);
  }
  const members = new Map<string, number>((bundle.themes ?? []).map((t) => [t.slug, 0]));
  const directAllies: Record<string, number> = {};
  const basedIn: Record<string, number> = {};
  for (const a of bundle.allies ?? []) {
    for (const t of a.themes ?? []) members.set(t.theme, (members.get(t.theme) ?? 0) + 1);
    for (const ref of new Set([...(a.basedIn ? [a.basedIn] : []), ...(a.actsIn ?? [])])) directAllies[ref] = (directAllies[ref] ?? 0) + 1;
    if (a.basedIn) basedIn[a.basedIn] = (basedIn[a.basedIn] ?? 0) + 1;
  }
  const byCount = <K extends string>(m: Map<string, number>, key: K) =>
    [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k, n]) => ({ [key]: k, n }) as Record<K, string> & { n: number });
  return {
    busiestAllies: byCount(participations, 'slug').slice(0, 5).map((x) => ({ slug: x.slug, chantiers: x.n })),
    themes: byCount(members, 'slug').map((x) => ({ slug: x.slug, members: x.n })),
    objectives: byCount(perObjective, 'code').map((x) => ({ code: x.code, chantiers: x.n })),
    directAllies,
    basedIn,
  };
}

const storesDir = fromRoot('.cache', 'bench-stores');

/** The store of this scale and seed: reused when its key matches, otherwise generated and imported now. */
export async function benchStore(scale: string, allies: number, seed: number, log: (line: string) => void): Promise<BenchStore> {
  const dir = path.join(storesDir, `${scale}-${seed}`);
  const stampFile = path.join(dir, 'store.json');
  const key = storeKey(allies, seed);
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Omit<BenchStore, 'home' | 'reused' | 'built'>;
    if (stamp.key === key) {
      log(`reusing the store ${path.relative(projectRoot, dir)} (key ${key.slice(0, 12)})`);
      return { ...stamp, home: path.join(dir, 'neo4j'), reused: true };
    }
    log(`the store ${path.relative(projectRoot, dir)} was made by other code (key ${stamp.key.slice(0, 12)}, now ${key.slice(0, 12)}): rebuilding it`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const home = path.join(dir, 'neo4j');
  const started = Date.now();
  const bundles = tempDir('archipel-bench-bundle-');
  let neo4j: Awaited<ReturnType<typeof startEmbeddedNeo4j>> | undefined;
  const cleanup = async () => {
    await neo4j?.stop().catch(() => undefined);
    await bundles.remove();
  };
  const unregister = onInterrupt(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  try {
    const gen = await generateBundle(allies, seed, bundles.dir, `${scale} generate`);
    if (gen.error) throw new Error(gen.error);
    const picks = picksFromBundle(JSON.parse(readFileSync(gen.file, 'utf8')));
    log(`importing ${allies} allies (${gen.relationships} relationships) into ${path.relative(projectRoot, home)}`);
    neo4j = await startEmbeddedNeo4j({ home, port: await freePort(), heap: HEAP, pageCache: PAGE_CACHE, startupTimeoutMs: 180_000 });
    const importRun = parseImport(await runCli('import', [gen.file], cliEnv(neo4j), `${scale} import`));
    if (importRun.error) throw new Error(`import failed, ${importRun.error}`);
    await neo4j.stop();
    neo4j = undefined;
    const stamp = { key, allies, seed, generateLine: gen.generateLine, relationships: gen.relationships, picks };
    writeFileSync(stampFile, `${JSON.stringify(stamp, null, 1)}\n`);
    return { ...stamp, home, reused: false, built: { importRun, seconds: (Date.now() - started) / 1000 } };
  } catch (err) {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  } finally {
    await cleanup();
    unregister();
  }
}
