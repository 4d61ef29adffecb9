import { startTestApi, TestApi } from '../helpers/api';
import { applyMigrations, MigrationError, readMigrations } from '../../src/db/migrations';
import { loadConfig } from '../../src/config';
import { connect } from '../../src/db/connect';
import { createLogger } from '../../src/logger';

describe('migrations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(); // applies them
  });
  afterAll(() => api.close());

  it('records each applied migration once, with its checksum', async () => {
    const rows = await api.db.readTx(async (tx) =>
      (await tx.run('MATCH (m:Migration) RETURN m.version AS v, m.name AS n, m.checksum AS c, m.appliedAt IS NOT NULL AS at ORDER BY v')).records.map((r) => r.toObject()),
    );
    const files = readMigrations();
    expect(rows).toEqual(files.map((f) => ({ v: f.version, n: f.name, c: f.checksum, at: true })));
  });

  it('applies nothing the second time', async () => {
    const report = await applyMigrations(api.db);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toBe(readMigrations().length);
  });

  it('refuses to start when an applied migration was edited, naming the file', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(applyMigrations(api.db, edited)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(api.db, edited)).rejects.toThrow(/V0001__constraints\.cypher was changed after it was applied/);
  });

  it('creates the uniqueness constraints and the full-text index', async () => {
    const names = await api.db.readTx(async (tx) => {
      const c = await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
      const i = await tx.run("SHOW INDEXES YIELD name, type, options WHERE type = 'FULLTEXT' RETURN collect(name) AS names, collect(options.indexConfig.`fulltext.analyzer`) AS analyzers");
      return { constraints: c.records[0].get('names') as string[], fulltext: i.records[0].toObject() };
    });
    expect(names.constraints).toEqual(expect.arrayContaining(['ally_slug', 'territory_ref', 'objective_code', 'migration_version']));
    expect(names.fulltext).toEqual({ names: ['search_text'], analyzers: ['standard-folding'] });
  });

  it('run at start with the batch transaction timeout, not the API request timeout', async () => {
    const config = loadConfig({ NEO4J_URI: process.env.ARCHIPEL_TEST_NEO4J_URI, NEO4J_TX_TIMEOUT_S: '5', ARCHIPEL_BATCH_TX_TIMEOUT_S: '77' });
    const lines: Record<string, unknown>[] = [];
    const log = createLogger('info', { destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
    const conn = await connect(config, log, { operation: 'startup' });
    try {
      expect(lines.find((l) => l.msg === 'migrations up to date')).toMatchObject({ txTimeoutS: 77 });
      expect(conn.db.txTimeoutMs).toBe(5_000); // what the API then serves with
    } finally {
      await conn.close();
    }
  });
});
