import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fromRoot } from '../../src/paths';
import { freePort } from '../../src/db/embedded-neo4j';
import { pidAlive, startMain, waitUntil } from '../helpers/main-process';
// Every module the server loads registers its queries (the schema's resolvers, the export routes…):
// the registry here must be the one the spawned server warms up.
import '../../src/server';
import { warmUpQueries } from '../../src/warm-up';

/** The real `npm start` process (dist/src/main.js), as a user runs it. */
describe('the server process', () => {
  it('with NEO4J_URI: serves, warms the read queries up, then exits 0 on SIGTERM without spawning a JVM', async () => {
    const port = await freePort();
    const main = startMain({ NEO4J_URI: process.env.ARCHIPEL_TEST_NEO4J_URI!, PORT: String(port), ARCHIPEL_DEMO_DATA: 'false' });
    try {
      await main.waitForLog('Archipel is listening', 60_000);
      expect(main.lines.some((l) => l.msg === 'NEO4J_URI is unset: starting the embedded Neo4j')).toBe(false);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      // Every query of the registry that the API reads with (src/warm-up.ts): 139 EXPLAINs today, over a minute on a loaded machine.
      const warmed = await main.waitForLog('query plans warmed up', 180_000);
      expect(warmed).toMatchObject({ operations: warmUpQueries().length, failed: 0 });
      main.child.kill('SIGTERM');
      const { code } = await main.exited;
      expect(code).toBe(0);
    } finally {
      main.child.kill('SIGKILL');
    }
  }, 300_000);

  it('refuses a bad configuration with a sentence naming the variable', async () => {
    const main = startMain({ PORT: 'eighty' });
    const { code } = await main.exited;
    expect(code).toBe(2);
    expect(main.stderr()).toMatch(/PORT/);
  });

  describe('embedded Neo4j', () => {
    const dataDirs: string[] = [];
    afterAll(() => dataDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

    /** A fresh store per test: a test that fails must not leave a lock for the next one. */
    const startEmbedded = async (demoData = false, extraEnv: Record<string, string> = {}) => {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'archipel-main-'));
      dataDirs.push(dataDir);
      const port = await freePort();
      const boltPort = await freePort();
      const main = startMain({
        PORT: String(port),
        ARCHIPEL_DATA_DIR: dataDir,
        NEO4J_EMBEDDED_PORT: String(boltPort),
        NEO4J_EMBEDDED_HEAP: '512m',
        NEO4J_EMBEDDED_PAGE_CACHE: '64m',
        ARCHIPEL_DEMO_DATA: String(demoData),
        ...extraEnv,
      });
      const ready = await main.waitForLog('embedded Neo4j is ready', 120_000);
      await main.waitForLog('Archipel is listening', 180_000); // migrations and, with demo data, its import
      return { main, port, boltPort, dataDir, jvmPid: ready.pid as number };
    };

    it("the README's synthetic-data recipe, run while it serves, leaves its data unchanged; then SIGTERM: exit code 0 and no JVM left", async () => {
      // A busy machine plans slowly: a request timeout long enough for a first plan, no warm-up competing.
      const { main, port, boltPort, dataDir, jvmPid } = await startEmbedded(true, { NEO4J_TX_TIMEOUT_S: '60', ARCHIPEL_WARM_UP: 'false' });
      try {
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
        const counts = async () => {
          const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ allies { totalCount } themes { totalCount } charterObjectives { code title } }' }),
          });
          const body = (await res.json()) as { data?: unknown; errors?: unknown };
          expect(body.errors).toBeUndefined();
          return body.data;
        };
        const before = await counts();
        expect(before).toMatchObject({ allies: { totalCount: 10 } }); // the demo data
        const run = promisify(execFile);
        const tool = (name: string, args: string[], env: Record<string, string>) =>
          run(process.execPath, [fromRoot('dist', 'src', 'cli', `${name}.js`), ...args], {
            env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ARCHIPEL_DATA_DIR: dataDir, NEO4J_EMBEDDED_PORT: String(boltPort), ...env },
          });
        const synthDir = path.join(dataDir, 'synth');
        const synth = path.join(synthDir, 'synth.json');
        await tool('generate', ['--allies', '200', '--seed', '1', '--out', synth], {});
        // As the issue ran it: another ARCHIPEL_DATA_DIR, the server's Bolt port → refused, nothing written.
        const refused = await tool('import', [synth], { ARCHIPEL_DATA_DIR: synthDir, ARCHIPEL_DEMO_DATA: 'false' }).catch((e) => e);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/NEO4J_EMBEDDED_PORT/);
        expect(await counts()).toEqual(before);
        // As the README writes it: its own store and its own Bolt port → imported there, the server untouched.
        const ok = await tool('import', [synth], {
          ARCHIPEL_DATA_DIR: synthDir,
          ARCHIPEL_DEMO_DATA: 'false',
          NEO4J_EMBEDDED_PORT: String(await freePort()),
          NEO4J_EMBEDDED_HEAP: '512m',
          NEO4J_EMBEDDED_PAGE_CACHE: '64m',
        });
        expect(ok.stderr.split('\n')[0]).toBe(`writing to the embedded Neo4j at ${path.join(synthDir, 'neo4j')}`);
        expect(ok.stdout).toMatch(/allies\s+200\s+0\s+0/);
        expect(existsSync(path.join(synthDir, 'neo4j', 'data'))).toBe(true);
        expect(await counts()).toEqual(before);
      } catch (err) {
        main.child.kill('SIGKILL'); // never leave a server behind a failing test
        throw err;
      }
      expect(pidAlive(jvmPid)).toBe(true);
      main.child.kill('SIGTERM');
      const { code } = await main.exited;
      expect(code).toBe(0);
      expect(await waitUntil(() => !pidAlive(jvmPid), 5_000)).toBe(true);
    }, 360_000);

    it('kill -9 of Node: the JVM exits by itself within 10 s', async () => {
      const { main, jvmPid } = await startEmbedded();
      main.child.kill('SIGKILL');
      await main.exited;
      const gone = await waitUntil(() => !pidAlive(jvmPid), 10_000);
      if (!gone) process.kill(jvmPid, 'SIGKILL'); // never leave an orphan behind a failing test
      expect(gone).toBe(true);
    }, 240_000);
  });
});
