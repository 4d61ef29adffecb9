import './schema';
import type { Database } from './db/database';
import { baseAllyShapes } from './modules/ally/ally.shapes';
import { baseChantierShapes } from './modules/chantier/chantier.shapes';
import { warmUp, warmUpQueries } from './warm-up';

describe('warmUpQueries', () => {
  const names = warmUpQueries().map((q) => q.name);

  it('is derived from the registry: every list shape without residual filters, and the bound read files', () => {
    for (const { query } of [...baseAllyShapes(), ...baseChantierShapes()]) expect(names).toContain(query.name);
    expect(names).toEqual(expect.arrayContaining(['node/by-ids', 'node/by-keys', 'node/related-out', 'node/related-out/parent-Ally', 'node/read-references/totals', 'node/read-references/themes', 'ally/degrees']));
  });

  it('leaves out what the API does not read (import, export, migrations) and the shapes with residual filters', () => {
    expect(names.filter((n) => /^(bundle|migration)\//.test(n) || n.includes('+'))).toEqual([]);
  });
});

describe('warmUp', () => {
  const log = { warn: jest.fn() } as unknown as Parameters<typeof warmUp>[1];

  it('EXPLAINs each query with its sample, and never rejects: a query that fails to plan is counted and logged', async () => {
    const texts: string[] = [];
    let calls = 0;
    const db = {
      readTx: async (work: (tx: { run: (text: string, params: unknown) => Promise<unknown> }) => Promise<unknown>) =>
        work({
          run: async (text: string, params: unknown) => {
            calls += 1;
            texts.push(text);
            expect(params).toBeDefined();
            if (calls <= 2) throw new Error('Neo4j is not reachable');
            return {};
          },
        }),
    } as unknown as Database;
    const result = await warmUp(db, log);
    expect(calls).toBe(warmUpQueries().length);
    expect(texts.every((t) => t.startsWith('EXPLAIN '))).toBe(true);
    expect(result).toMatchObject({ operations: warmUpQueries().length, failed: 2 });
    expect(log.warn).toHaveBeenCalledTimes(2);
  });
});
