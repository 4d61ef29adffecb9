import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedNeo4j, freePort, startEmbeddedNeo4j } from '../../src/db/embedded-neo4j';
import { startTestApi, TestApi } from '../helpers/api';
import { waitUntil } from '../helpers/main-process';

/** /readyz follows Neo4j: 503 while it is down, 200 again when it is back, with no API restart. */
describe('/readyz follows Neo4j', () => {
  let home: string;
  let port: number;
  let neo4j: EmbeddedNeo4j | undefined;
  let api: TestApi;

  const start = () => startEmbeddedNeo4j({ home, port, heap: '512m', pageCache: '64m', startupTimeoutMs: 120_000 });

  beforeAll(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'archipel-readyz-'));
    port = await freePort();
    neo4j = await start();
    api = await startTestApi({ uri: neo4j.uri });
  }, 240_000);
  afterAll(async () => {
    await api?.close();
    await neo4j?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('goes 503 with a JSON reason while Neo4j is stopped, and back to 200 when it returns', async () => {
    expect((await api.get('/readyz')).status).toBe(200);

    await neo4j!.stop();
    neo4j = undefined;
    const down = await api.get('/readyz');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', reason: 'Neo4j is not reachable' });
    expect((await api.get('/livez')).status).toBe(200);

    neo4j = await start();
    const back = await waitUntil(async () => (await api.get('/readyz')).status === 200, 30_000, 250);
    expect(back).toBe(true);
    const res = await api.gql('{ __typename }');
    expect(res.data).toEqual({ __typename: 'Query' });
  }, 240_000);
});
