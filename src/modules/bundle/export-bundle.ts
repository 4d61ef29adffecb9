import { Database } from '../../db/database';
import type { Bundle } from './bundle.types';
import { SPECS, stateToBundle } from './bundle-codec';
import { readAll } from './sync-engine';

/**
 * The whole graph as a bundle, in key order (private persons and emails included: an export is a
 * backup made by someone with database access). Read page by page, each page its own short read
 * transaction. Bundle arrays stay in memory: fine for the alliance's size (100k allies ≈ 100 MB).
 */
export async function exportBundle(db: Database): Promise<Bundle> {
  const bundle: Bundle = { format: 'archipel-bundle', version: 1 };
  for await (const page of readAll(db, SPECS.charter)) {
    if (!bundle.charter && page.length) bundle.charter = stateToBundle.charter(page[0]);
  }
  const collect = async <T>(spec: (typeof SPECS)[keyof typeof SPECS], map: (s: Parameters<typeof stateToBundle.themes>[0]) => T): Promise<T[]> => {
    const out: T[] = [];
    for await (const page of readAll(db, spec)) for (const s of page) out.push(map(s));
    return out;
  };
  bundle.objectives = await collect(SPECS.objectives, stateToBundle.objectives);
  bundle.themes = await collect(SPECS.themes, stateToBundle.themes);
  bundle.territories = await collect(SPECS.territories, stateToBundle.territories);
  const affiliations: NonNullable<Bundle['affiliations']> = [];
  bundle.allies = await collect(SPECS.allies, (s) => {
    affiliations.push(...stateToBundle.affiliations(s));
    return stateToBundle.allies(s);
  });
  bundle.affiliations = affiliations;
  bundle.events = await collect(SPECS.events, stateToBundle.events);
  bundle.chantiers = await collect(SPECS.chantiers, stateToBundle.chantiers);
  bundle.resources = await collect(SPECS.resources, stateToBundle.resources);
  bundle.communities = await collect(SPECS.communities, stateToBundle.communities);
  for (const k of Object.keys(bundle) as (keyof Bundle)[]) {
    const v = bundle[k];
    if (Array.isArray(v) && v.length === 0) delete bundle[k];
  }
  return bundle;
}
