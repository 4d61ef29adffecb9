import { Database } from '../../db/database';
import { SPECS, SPECS_BY_LABEL } from '../bundle/bundle-codec';
import { DesiredItem, SyncCounts, syncItems } from '../bundle/sync-engine';
import { allOfficialTerritories } from './geography';
import { foldForSort } from '../../common/text';

/** Creates every official territory missing from the graph, parents first; existing ones are left alone. */
export async function loadOfficialTerritories(db: Database, onProgress?: (done: number, total: number) => void): Promise<SyncCounts> {
  const items: DesiredItem[] = allOfficialTerritories().map((t) => ({
    key: t.ref,
    labels: ['Territory'],
    createOnly: true,
    props: { ref: t.ref, code: t.code, level: t.level, name: t.name, sortName: foldForSort(t.name), population: t.population ?? null, center: null, pilot: null, pilotSince: null },
    rels: t.parents.map((parent) => ({ type: 'PART_OF', dir: 'out' as const, target: 'Territory' as const, key: parent, props: {} })),
  }));
  return syncItems(db, SPECS.territories, SPECS_BY_LABEL, items, { dryRun: false, batchSize: 1000, onBatch: (d) => onProgress?.(d, items.length) });
}
