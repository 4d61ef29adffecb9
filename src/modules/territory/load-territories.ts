import { Database } from '../../db/database';
import { officialTerritoryItem, SPECS, SPECS_BY_LABEL } from '../bundle/bundle-codec';
import { SyncCounts, syncItems } from '../bundle/sync-engine';
import { allOfficialTerritories } from './geography';

/** Creates every official territory missing from the graph, parents first; existing ones are left alone. */
export async function loadOfficialTerritories(db: Database, onProgress?: (done: number, total: number) => void): Promise<SyncCounts> {
  const items = allOfficialTerritories().map((t) => officialTerritoryItem(t));
  return syncItems(db, SPECS.territories, SPECS_BY_LABEL, items, { dryRun: false, batchSize: 1000, onBatch: (d) => onProgress?.(d, items.length) });
}
