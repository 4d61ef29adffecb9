import { Database } from '../../db/database';
import { cypherQuery, type NoParams } from '../../db/cypher-registry';
import neo4j from 'neo4j-driver';
import type { Bundle } from './bundle.types';
import { AFFILIATIONS_SPEC, bundleToItems, EntityType, IMPORT_ORDER, SPECS, SPECS_BY_LABEL } from './bundle-codec';
import { NodeLabel, SyncCounts, syncItems } from './sync-engine';
import type { ExistingKeys, Problem } from './validate-bundle';
import { LABELS } from '../../graph/model';

/**
 * Writes a validated bundle: the bundle is authoritative for the entities it contains (their
 * properties and the relationships it lists for them become exactly what it says); entities
 * absent from it are left alone. A second import of the same bundle changes nothing.
 */
export type ImportSummary = Record<EntityType | 'affiliations', SyncCounts>;

export interface ImportProgress {
  type: string;
  done: number;
  total: number;
}

export interface ImportOptions {
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
}

const listCharters = cypherQuery<NoParams, { slug: string }>('bundle/list-charters');

const KIND_LABEL = new Map(LABELS.map((l) => [l.kind, l.label]));

/** The database side of validation: which keys of a kind already exist (batched, one query per call). */
export function existingKeysIn(db: Database): ExistingKeys {
  return async (kind, keys) => {
    if (!keys.length) return new Set();
    const spec = SPECS_BY_LABEL.get(KIND_LABEL.get(kind)!)!;
    const found = new Set<string>();
    for (let i = 0; i < keys.length; i += 5000) {
      const rows = await db.read(spec.state, { keys: keys.slice(i, i + 5000), withRels: false, outTypes: [], inTypes: [] });
      rows.forEach((r) => found.add(r.key));
    }
    return found;
  };
}

/**
 * The charter that SIGNED and OBJECTIVE_OF point to: the bundle's, else the database's only one.
 * Problems when allies sign or objectives exist and there is no charter (or several) to point to.
 */
export async function resolveCharter(db: Database, bundle: Bundle): Promise<{ charterSlug?: string; problems: Problem[] }> {
  if (bundle.charter) return { charterSlug: bundle.charter.slug, problems: [] };
  const needs: Problem[] = [];
  (bundle.allies ?? []).forEach((a, i) => {
    if (a.charterSignedOn) needs.push({ path: `/allies/${i}/charterSignedOn`, message: '' });
  });
  (bundle.objectives ?? []).forEach((_o, i) => needs.push({ path: `/objectives/${i}`, message: '' }));
  if (!needs.length) return { problems: [] };
  const charters = (await db.read(listCharters)).map((r) => r.slug);
  if (charters.length === 1) return { charterSlug: charters[0], problems: [] };
  const message =
    charters.length === 0
      ? 'there is no charter to refer to: add "charter" to the bundle (or import one first)'
      : `the database has several charters (${charters.join(', ')}): add "charter" to the bundle to say which one`;
  return { problems: needs.map((n) => ({ ...n, message })) };
}

export async function importBundle(db: Database, bundle: Bundle, charterSlug: string | undefined, opts: ImportOptions = {}): Promise<ImportSummary> {
  const items = bundleToItems(bundle, { charterSlug });
  const summary = {} as ImportSummary;
  const run = async (type: EntityType | 'affiliations') => {
    const list = items[type];
    const spec = type === 'affiliations' ? AFFILIATIONS_SPEC : SPECS[type];
    opts.onProgress?.({ type, done: 0, total: list.length });
    summary[type] = await syncItems(db, spec, SPECS_BY_LABEL, list, {
      dryRun: opts.dryRun ?? false,
      batchSize: opts.batchSize ?? 500,
      onBatch: (done) => opts.onProgress?.({ type, done, total: list.length }),
    });
  };
  for (const type of IMPORT_ORDER) {
    await run(type);
    if (type === 'allies') await run('affiliations');
  }
  if (!opts.dryRun) await refreshDerived(db);
  return summary;
}

const refreshDerivedQuery = cypherQuery('bundle/refresh-derived');

/**
 * The derived properties of every ally — its stored degrees (`degreeAll`, `degreePublic`:
 * cypher/migrations/V0007) and `unpositioned` (no position for a map: V0010) — brought up to date
 * after an import, the one write path (a relationship, a person's `public`, an ally's location or a
 * territory's centre changes them), in batches of 5,000 allies, each its own write transaction; only
 * the changed ones are written, so a second import of the same bundle writes nothing.
 */
export async function refreshDerived(db: Database, batch = 5000): Promise<void> {
  let afterId = '';
  for (;;) {
    const [row] = await db.write<{ last: string | null; read: number }>(refreshDerivedQuery, { afterId, limit: neo4j.int(batch) });
    if (!row || row.read < batch || row.last === null) return;
    afterId = row.last;
  }
}
