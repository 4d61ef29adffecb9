import { startTestApi, TestApi } from '../helpers/api';
import { boundQueries, queryFiles } from '../../src/db/cypher-registry';
import '../../src/schema';
import '../../src/modules/bundle/import-bundle';
import '../../src/modules/bundle/export-bundle';
import '../../src/modules/bundle/demo-data';
import '../../src/db/migrations';
import '../../src/db/connect';

/** STYLE 7: every .cypher file is bound by a repository, every binding has a file, and each compiles. */
describe('cypher/queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('every file is bound and every binding has a file', () => {
    expect(boundQueries().map((q) => q.name).sort()).toEqual(queryFiles());
  });

  it.each(queryFiles())('%s compiles (EXPLAIN) against Neo4j', async (name) => {
    const q = boundQueries().find((b) => b.name === name)!;
    await expect(api.db.readTx((tx) => tx.run(`EXPLAIN ${q.text}`))).resolves.toBeDefined();
  });
});
