import { readFileSync } from 'node:fs';
import { Database } from '../../src/db/database';
import { fromRoot } from '../../src/paths';
import type { Bundle } from '../../src/modules/bundle/bundle.types';
import { existingKeysIn, importBundle, ImportSummary, resolveCharter } from '../../src/modules/bundle/import-bundle';
import { validateBundle, Problem } from '../../src/modules/bundle/validate-bundle';

export const demoBundle = (): Bundle => JSON.parse(readFileSync(fromRoot('data', 'demo.bundle.json'), 'utf8'));

/** Validates then imports, as `npm run import` does; throws with the problems when invalid. */
export async function importValid(db: Database, input: unknown, dryRun = false): Promise<ImportSummary> {
  const v = await validateBundle(input, existingKeysIn(db));
  if (!v.ok) throw new Error(`invalid bundle: ${JSON.stringify(v.problems)}`);
  const charter = await resolveCharter(db, v.bundle);
  if (charter.problems.length) throw new Error(`invalid bundle: ${JSON.stringify(charter.problems)}`);
  return importBundle(db, v.bundle, charter.charterSlug, { dryRun });
}

export async function problemsOf(db: Database, input: unknown): Promise<Problem[]> {
  const v = await validateBundle(input, existingKeysIn(db));
  return v.ok ? [] : v.problems;
}
