import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestApi, TestApi } from '../helpers/api';
import { countGraph, wipeGraph } from '../helpers/graph';
import { demoBundle, importValid, problemsOf } from '../helpers/bundles';
import { exportBundle } from '../../src/modules/bundle/export-bundle';
import type { Bundle } from '../../src/modules/bundle/bundle.types';
import { fromRoot } from '../../src/paths';
import { countRelationships, generateSyntheticBundle } from '../../src/modules/bundle/synthetic';

const exec = promisify(execFile);

/** Sorts every array of a bundle so two bundles compare "modulo order". */
function canonical(b: Bundle): unknown {
  const sortDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortDeep).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortDeep(x)]));
    return v;
  };
  return sortDeep(b);
}

describe('bundle import', () => {
  let api: TestApi;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'archipel-import-'));
  beforeAll(async () => {
    api = await startTestApi();
  });
  beforeEach(() => wipeGraph(api.db));
  afterAll(() => api.close());

  it('imports the demo bundle; a second import changes nothing (counts, properties, updatedAt)', async () => {
    const first = await importValid(api.db, demoBundle());
    expect(first.allies).toEqual({ created: 10, updated: 0, unchanged: 0 });
    const counts = await countGraph(api.db);
    const stamps = await api.db.readTx(async (tx) =>
      (await tx.run('MATCH (n) WHERE NOT n:Migration RETURN n.id AS id, n.updatedAt AS u, properties(n) AS p ORDER BY id')).records.map((r) => r.toObject()),
    );
    const second = await importValid(api.db, demoBundle());
    for (const c of Object.values(second)) expect(c.created + c.updated).toBe(0);
    expect(await countGraph(api.db)).toEqual(counts);
    const after = await api.db.readTx(async (tx) =>
      (await tx.run('MATCH (n) WHERE NOT n:Migration RETURN n.id AS id, n.updatedAt AS u, properties(n) AS p ORDER BY id')).records.map((r) => r.toObject()),
    );
    expect(after).toEqual(stamps);
  });

  it('gives the territories it creates their centres: a commune from its INSEE code, a région derived', async () => {
    await importValid(api.db, demoBundle());
    const res = await api.gql<{ c: { center: { latitude: number; longitude: number } | null }; r: { center: { latitude: number } | null } }>(
      '{ c: territory(ref: "commune:62528") { center { latitude longitude } } r: territory(ref: "region:32") { center { latitude longitude } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.c.center!.latitude).toBeCloseTo(50.45, 1); // Loos-en-Gohelle
    expect(res.data!.c.center!.longitude).toBeCloseTo(2.79, 1);
    expect(res.data!.r.center).toEqual({ latitude: 50.30175, longitude: 2.83908 });
  });

  it('--dry-run writes nothing and reports what it would apply', async () => {
    const summary = await importValid(api.db, demoBundle(), true);
    expect(summary.allies.created).toBe(10);
    expect(summary.territories.created).toBeGreaterThan(4);
    expect(await countGraph(api.db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('refuses a bundle with a bad URL, an unknown theme and a bare "32": all three problems, nothing written', async () => {
    await importValid(api.db, demoBundle());
    const before = await countGraph(api.db);
    const bad: Bundle = {
      format: 'archipel-bundle',
      version: 1,
      allies: [
        { slug: 'ok-ally', name: 'OK', kind: 'ORGANIZATION' },
        { slug: 'bad-ally', name: 'Bad', kind: 'ORGANIZATION', website: 'not a url', basedIn: '32', themes: [{ theme: 'astrologie' }] },
      ],
    };
    const problems = await problemsOf(api.db, bad);
    expect(problems).toEqual([
      { path: '/allies/1/website', message: 'must be a URL' },
      { path: '/allies/1/basedIn', message: '"32": write region:32 (Hauts-de-France) or departement:32 (Gers)' },
      { path: '/allies/1/themes/0/theme', message: 'unknown theme "astrologie"' },
    ]);
    expect(await countGraph(api.db)).toEqual(before);
  });

  it('creates a referenced commune with its whole official PART_OF chain', async () => {
    await importValid(api.db, { format: 'archipel-bundle', version: 1, allies: [{ slug: 'a', name: 'A', kind: 'ORGANIZATION', basedIn: '62528' }] });
    const rows = await api.db.readTx(async (tx) =>
      (
        await tx.run(`
          MATCH (c:Territory {ref: 'commune:62528'})-[:PART_OF]->(p:Territory)
          OPTIONAL MATCH (p)-[:PART_OF]->(g:Territory)
          RETURN c.name AS commune, p.ref AS parent, p.name AS parentName, g.ref AS grand, g.name AS grandName ORDER BY parent`)
      ).records.map((r) => r.toObject()),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { commune: 'Loos-en-Gohelle', parent: 'departement:62', parentName: 'Pas-de-Calais', grand: 'region:32', grandName: 'Hauts-de-France' },
        expect.objectContaining({ commune: 'Loos-en-Gohelle', parent: expect.stringMatching(/^epci:\d{9}$/) }),
      ]),
    );
    const within = await api.db.readTx(async (tx) =>
      (await tx.run("MATCH (:Territory {ref: 'commune:62528'})-[:PART_OF*]->(t:Territory {ref: 'region:32'}) RETURN count(*) AS n")).records[0].get('n'),
    );
    expect(within).toBeGreaterThan(0);
    const fr = await api.db.readTx(async (tx) => (await tx.run("MATCH (:Territory {ref: 'region:32'})-[:PART_OF]->(f:Territory) RETURN f.ref AS r")).records.map((r) => r.get('r')));
    expect(fr).toEqual(['country:FR']);
  });

  it('is authoritative for what it lists: removed fields and relationships go, absent entities stay', async () => {
    await importValid(api.db, demoBundle());
    const edited = demoBundle();
    edited.allies = edited.allies!.map((a) => (a.slug === 'cerdd' ? { ...a, description: undefined, themes: [{ theme: 'energie', role: 'LEAD' as const }] } : a));
    edited.chantiers = [];
    const summary = await importValid(api.db, edited);
    expect(summary.allies).toEqual({ created: 0, updated: 1, unchanged: 9 });
    const cerdd = await api.db.readTx(async (tx) =>
      (await tx.run("MATCH (a:Ally {slug: 'cerdd'}) RETURN a.description AS d, [(a)-[w:WORKS_ON]->(t) | t.slug + ':' + w.role] AS themes")).records[0].toObject(),
    );
    expect(cerdd).toEqual({ d: null, themes: ['energie:LEAD'] });
    const chantiers = await api.db.readTx(async (tx) => (await tx.run('MATCH (c:Chantier) RETURN count(c) AS n')).records[0].get('n'));
    expect(chantiers).toBe(demoBundle().chantiers!.length);
  });

  it('round trip: export → import into an empty database → export gives the same bundle', async () => {
    await importValid(api.db, demoBundle());
    const first = await exportBundle(api.db);
    await wipeGraph(api.db);
    await importValid(api.db, first);
    const second = await exportBundle(api.db);
    expect(canonical(second)).toEqual(canonical(first));
    // and the export holds the demo facts
    expect(first.allies!.find((a) => a.slug === 'cerdd')).toMatchObject({ name: expect.stringContaining('Cerdd'), kind: 'ORGANIZATION' });
  });

  it('imports a synthetic alliance in several batches (persons affiliated to organisations of later batches), then changes nothing', async () => {
    const synthetic = generateSyntheticBundle({ allies: 1200, seed: 7 });
    const first = await importValid(api.db, synthetic);
    expect(first.allies.created).toBe(1200);
    const counts = await countGraph(api.db);
    const second = await importValid(api.db, synthetic);
    expect(second.allies).toEqual({ created: 0, updated: 0, unchanged: 1200 });
    expect(await countGraph(api.db)).toEqual(counts);
    const relationships = countRelationships(synthetic).total;
    const stored = await api.db.readTx(async (tx) => (await tx.run("MATCH ()-[r]->() WHERE type(r) <> 'PART_OF' RETURN count(r) AS c")).records[0].get('c'));
    expect(stored).toBe(relationships);
  }, 240_000);

  describe('command line (npm run import / export)', () => {
    const env = () => ({ ...process.env, NEO4J_URI: process.env.ARCHIPEL_TEST_NEO4J_URI!, LOG_LEVEL: 'warn' });
    const cli = (name: string, args: string[]) => exec(process.execPath, [fromRoot('dist', 'src', 'cli', `${name}.js`), ...args], { env: env() });

    it('imports a CSV of allies; a bad line 14 is refused naming line 14, nothing written', async () => {
      await importValid(api.db, demoBundle());
      const header = 'slug,name,kind,organizationType,website,basedIn,themes';
      const rows = Array.from({ length: 12 }, (_, i) => `csv-ally-${i + 1},Allié CSV ${i + 1},ORGANIZATION,ASSOCIATION,https://example.org/${i + 1},62528,energie:LEAD;alimentation`);
      const good = path.join(tmp, 'good.csv');
      writeFileSync(good, `\uFEFF${[header, ...rows].join('\n')}\n`);
      const bad = path.join(tmp, 'bad.csv');
      writeFileSync(bad, `${[header, ...rows, 'csv-ally-13,Allié 13,ORGANIZATION,ASSOCIATION,pas une url,62528,energie'].join('\n')}\n`);

      const before = await countGraph(api.db);
      const refused = await cli('import', [bad]).catch((e) => e);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/line 14, column website: must be a URL/);
      expect(refused.stderr).toMatch(/nothing was written/);
      expect(await countGraph(api.db)).toEqual(before);

      const ok = await cli('import', [good]);
      expect(ok.stdout).toMatch(/allies\s+12\s+0\s+0/);
      const again = await cli('import', [good]);
      expect(again.stdout).toMatch(/allies\s+0\s+0\s+12/);
    }, 120_000);

    it('--dry-run prints the summary and writes nothing; export writes a bundle file', async () => {
      const file = path.join(tmp, 'demo.json');
      writeFileSync(file, JSON.stringify(demoBundle()));
      const dry = await cli('import', [file, '--dry-run']);
      expect(dry.stdout).toMatch(/dry run: nothing was written/);
      expect(dry.stdout).toMatch(/allies\s+10\s+0\s+0/);
      expect(await countGraph(api.db)).toEqual({ nodes: 0, relationships: 0 });
      await cli('import', [file]);
      const out = path.join(tmp, 'export.json');
      const exported = await cli('export', [out]);
      expect(exported.stdout).toMatch(/allies 10/);
      expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('archipel-bundle');
    }, 120_000);

    it('says on its first line which database it writes: the NEO4J_URI', async () => {
      const file = path.join(tmp, 'demo-first-line.json');
      writeFileSync(file, JSON.stringify(demoBundle()));
      const ok = await cli('import', [file]);
      expect(ok.stderr.split('\n')[0]).toBe(`writing to ${process.env.ARCHIPEL_TEST_NEO4J_URI}`);
    }, 120_000);
  });

  describe('command line with the embedded Neo4j: only the store it was told', () => {
    // The test run's Neo4j is an embedded one (the same launcher as npm start), serving its own store.
    const boltPort = new URL(process.env.ARCHIPEL_TEST_NEO4J_URI!.replace('bolt:', 'http:')).port;
    const embeddedEnv = (dataDir: string) => {
      const { NEO4J_URI: _unset, ...rest } = process.env;
      return { ...rest, ARCHIPEL_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: boltPort, ARCHIPEL_DEMO_DATA: 'false', LOG_LEVEL: 'warn' };
    };
    const cli = (name: string, args: string[], dataDir: string) =>
      exec(process.execPath, [fromRoot('dist', 'src', 'cli', `${name}.js`), ...args], { env: embeddedEnv(dataDir) });

    it("refuses to write into a running Neo4j of another store, naming both stores and the fix: the running server's data is unchanged", async () => {
      await importValid(api.db, demoBundle());
      const before = await countGraph(api.db);
      const titles = await api.db.readTx(async (tx) => (await tx.run('MATCH (o:CharterObjective) RETURN o.code AS c, o.title AS t ORDER BY c')).records.map((r) => r.toObject()));
      // The README's recipe: a synthetic alliance into its own store, while a server runs on the default port.
      const other = path.join(tmp, 'data-synth');
      const synth = path.join(other, 'synth.json');
      await exec(process.execPath, [fromRoot('dist', 'src', 'cli', 'generate.js'), '--allies', '50', '--seed', '1', '--out', synth]);
      const refused = await cli('import', [synth], other).catch((e) => e);
      expect(refused.code).toBe(1);
      const message = refused.stderr as string;
      expect(message).toContain(process.env.ARCHIPEL_TEST_NEO4J_HOME!);
      expect(message).toContain(path.join(other, 'neo4j'));
      expect(message).toMatch(/NEO4J_EMBEDDED_PORT/);
      expect(message).toMatch(/nothing was written/);
      expect(message.trim().split('\n')).toHaveLength(1);
      expect(await countGraph(api.db)).toEqual(before);
      const titlesAfter = await api.db.readTx(async (tx) => (await tx.run('MATCH (o:CharterObjective) RETURN o.code AS c, o.title AS t ORDER BY c')).records.map((r) => r.toObject()));
      expect(titlesAfter).toEqual(titles);
      expect(existsSync(path.join(other, 'neo4j'))).toBe(false);
      // export and territories obey the same rule.
      for (const [tool, args] of [['export', [path.join(tmp, 'x.json')]], ['territories', ['--all']]] as const) {
        const r = await cli(tool, [...args], other).catch((e) => e);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/NEO4J_EMBEDDED_PORT/);
      }
      expect(await countGraph(api.db)).toEqual(before);
    }, 120_000);

    it('uses the running Neo4j when it serves the same store, and says so on its first line', async () => {
      // A data dir whose neo4j/ is the test run's store (a symlink: the store is compared by its real path).
      const same = path.join(tmp, 'data-same');
      mkdirSync(same, { recursive: true });
      if (!existsSync(path.join(same, 'neo4j'))) symlinkSync(process.env.ARCHIPEL_TEST_NEO4J_HOME!, path.join(same, 'neo4j'));
      const file = path.join(tmp, 'demo-same.json');
      writeFileSync(file, JSON.stringify(demoBundle()));
      const ok = await cli('import', [file], same);
      expect(ok.stderr.split('\n')[0]).toBe(`writing to the embedded Neo4j at ${path.join(same, 'neo4j')} (of the running server)`);
      expect(ok.stdout).toMatch(/allies\s+10\s+0\s+0/);
      expect((await countGraph(api.db)).nodes).toBeGreaterThan(10);
    }, 120_000);
  });
});
