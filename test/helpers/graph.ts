import { Database } from '../../src/db/database';

/** Deletes every node but the migration records, in bounded batches (each its own executeWrite). */
export async function wipeGraph(db: Database): Promise<void> {
  for (;;) {
    const deleted = await db.writeTx(async (tx) => {
      const r = await tx.run('MATCH (n) WHERE NOT n:Migration WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c');
      return r.records[0].get('c') as number;
    });
    if (deleted === 0) return;
  }
}

/** Node and relationship counts, for "nothing was written" and "nothing changed" assertions. */
export async function countGraph(db: Database): Promise<{ nodes: number; relationships: number }> {
  return db.readTx(async (tx) => {
    const n = await tx.run('MATCH (n) WHERE NOT n:Migration RETURN count(n) AS c');
    const r = await tx.run('MATCH ()-[r]->() RETURN count(r) AS c');
    return { nodes: n.records[0].get('c') as number, relationships: r.records[0].get('c') as number };
  });
}
