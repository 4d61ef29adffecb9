import { Database } from '../../db/database';
import { cypherQuery, type NoParams } from '../../db/cypher-registry';
import type { Logger } from '../../logger';
import { fromRoot } from '../../paths';
import { readBundleFile } from './read-bundle-file';
import { existingKeysIn, importBundle, resolveCharter } from './import-bundle';

const hasData = cypherQuery<NoParams, { hasData: boolean }>('bundle/count-nodes');
export const DEMO_BUNDLE = fromRoot('data', 'demo.bundle.json');

/** npm start: loads the Fabrique des transitions demo bundle when the graph holds no data. */
export async function loadDemoDataIfEmpty(db: Database, log: Logger): Promise<boolean> {
  const [{ hasData: filled }] = await db.read(hasData);
  if (filled) return false;
  const read = await readBundleFile(DEMO_BUNDLE, existingKeysIn(db));
  if (!read.ok) throw new Error(`the demo bundle is invalid: ${read.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const charter = await resolveCharter(db, read.bundle);
  const summary = await importBundle(db, read.bundle, charter.charterSlug);
  const created = Object.values(summary).reduce((n, c) => n + c.created, 0);
  log.info({ file: 'data/demo.bundle.json', created }, 'the graph was empty: demo data of the Fabrique des transitions loaded (ARCHIPEL_DEMO_DATA=false disables this)');
  return true;
}
