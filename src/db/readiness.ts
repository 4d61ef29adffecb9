import type { Driver } from 'neo4j-driver';
import type { Database } from './database';
import { migrationsUpToDate, MigrationFile } from './migrations';
import type { ReadinessCheck } from '../server';

/** /readyz: Neo4j answers and every known migration is recorded. Each probe is bounded to 3 s. */
export function makeReadiness(driver: Driver, db: Database, database: string, migrations: MigrationFile[]): ReadinessCheck {
  return async () => {
    try {
      await withTimeout(driver.verifyConnectivity({ database }), 3000);
    } catch {
      return 'Neo4j is not reachable';
    }
    const upToDate = await withTimeout(migrationsUpToDate(db, migrations), 3000).catch(() => false);
    return upToDate ? null : 'migrations are not applied';
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

