import {
  allOfficialTerritories,
  departementName,
  officialTerritory,
  type OfficialTerritory,
  regionName,
  withAncestors,
} from './geography';
import { parseTerritoryRef } from './territory-ref';

/** Loos-en-Gohelle's EPCI, as listed in the package's epci.json (CA de Lens - Liévin). */
const LENS_LIEVIN = 'epci:246200364';

function known(ref: string): OfficialTerritory {
  const t = officialTerritory(ref);
  if (!t) throw new Error(`expected ${ref} to be an official territory`);
  return t;
}

describe('officialTerritory', () => {
  it('knows a département and its région', () => {
    expect(known('departement:62')).toMatchObject({ level: 'DEPARTEMENT', code: '62', name: 'Pas-de-Calais', parents: ['region:32'] });
    expect(known('region:32')).toMatchObject({ level: 'REGION', code: '32', name: 'Hauts-de-France', parents: ['country:FR'] });
    expect(known('country:FR')).toMatchObject({ level: 'COUNTRY', code: 'FR', name: 'France', parents: [] });
  });

  it('hangs a commune under its département and its EPCI, itself under the département', () => {
    const loos = known('commune:62528');
    expect(loos).toMatchObject({ level: 'COMMUNE', code: '62528', name: 'Loos-en-Gohelle', population: 6799 });
    expect(loos.parents).toEqual(['departement:62', LENS_LIEVIN]);
    const epci = known(LENS_LIEVIN);
    expect(epci).toMatchObject({ level: 'EPCI', code: '246200364', parents: ['departement:62'] });
    expect(epci.name).toMatch(/Lens/);
    expect(epci.population).toBeGreaterThan(200_000);

    // Cross-check with the package itself rather than trusting the constant.
    const epcis = require('@etalab/decoupage-administratif/data/epci.json') as { code: string; membres: { code: string }[] }[];
    const holders = epcis.filter((e) => e.membres.some((m) => m.code === '62528')).map((e) => `epci:${e.code}`);
    expect(holders).toEqual([LENS_LIEVIN]);
  });

  it('hangs an EPCI spanning several départements under their région (the tree stays a tree), and one spanning régions under the country', () => {
    // Métropole du Grand Paris: communes of 75, 92, 93, 94 (and one of 91, Paray-Vieille-Poste), all in Île-de-France.
    expect(known('epci:200054781')).toMatchObject({ level: 'EPCI', parents: ['region:11'] });
    expect(known('commune:92012').parents).toEqual(['departement:92', 'epci:200054781']);
    // CC d'Aire-sur-l'Adour: communes of Landes (40, Nouvelle-Aquitaine) and Gers (32, Occitanie).
    expect(known('epci:200030435').parents).toEqual(['country:FR']);
    const departementsOfEveryEpci = allOfficialTerritories().filter((t) => t.level === 'EPCI').map((t) => t.parents.length);
    expect(new Set(departementsOfEveryEpci)).toEqual(new Set([1]));
  });

  it('knows Corsican and overseas territories', () => {
    expect(known('commune:2A004').name).toBe('Ajaccio');
    expect(known('commune:2A004').parents[0]).toBe('departement:2A');
    expect(known('departement:2B').name).toBe('Haute-Corse');
    expect(known('departement:971')).toMatchObject({ name: 'Guadeloupe', parents: ['region:01'] });
    expect(known('commune:97101').parents[0]).toBe('departement:971');
  });

  it('hangs what has no région in the ref syntax directly below the country', () => {
    expect(known('departement:975')).toMatchObject({ name: 'Saint-Pierre-et-Miquelon', parents: ['country:FR'] });
    expect(known('commune:97701')).toMatchObject({ name: 'Saint-Barthélemy', parents: ['country:FR'] });
    expect(officialTerritory('region:975')).toBeUndefined();
  });

  it('does not know delegated communes, municipal arrondissements, or refs that are not normalised', () => {
    expect(officialTerritory('commune:01039')).toBeUndefined(); // Béon: only a commune-deleguee
    expect(officialTerritory('commune:69381')).toBeUndefined(); // Lyon 1er: an arrondissement-municipal
    expect(officialTerritory('commune:69123')?.name).toBe('Lyon');
    expect(officialTerritory('62528')).toBeUndefined();
    expect(officialTerritory('commune:2a004')).toBeUndefined();
    expect(officialTerritory('departement:20')).toBeUndefined();
  });

  it('derives département and région populations from their communes', () => {
    const communes = allOfficialTerritories().filter((t) => t.level === 'COMMUNE');
    const sum = (parent: string): number =>
      communes.filter((c) => c.parents.includes(parent)).reduce((s, c) => s + (c.population ?? 0), 0);
    expect(known('departement:62').population).toBe(sum('departement:62'));
    const inRegion = allOfficialTerritories().filter((t) => t.level === 'DEPARTEMENT' && t.parents.includes('region:32'));
    expect(known('region:32').population).toBe(inRegion.reduce((s, d) => s + (d.population ?? 0), 0));
    expect(known('country:FR').population).toBe(communes.reduce((s, c) => s + (c.population ?? 0), 0));
    expect(known('country:FR').population).toBeGreaterThan(60_000_000);
  });
});

describe('names', () => {
  it('names régions and départements, and nothing else', () => {
    expect(regionName('32')).toBe('Hauts-de-France');
    expect(departementName('32')).toBe('Gers');
    expect(departementName('2A')).toBe('Corse-du-Sud');
    expect(regionName('62')).toBeUndefined();
    expect(departementName('99')).toBeUndefined();
  });
});

describe('withAncestors', () => {
  it('lists the ancestors before the commune, each once', () => {
    const refs = withAncestors(['commune:62528']).map((t) => t.ref);
    expect(refs).toEqual(['country:FR', 'region:32', 'departement:62', LENS_LIEVIN, 'commune:62528']);
  });

  it('merges shared ancestors, skips unknown refs and keeps every parent first', () => {
    const list = withAncestors(['commune:62498', 'commune:62528', 'commune:01039', 'region:32', 'commune:62528']);
    const refs = list.map((t) => t.ref);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).not.toContain('commune:01039');
    expect(refs).toEqual(expect.arrayContaining(['commune:62498', 'commune:62528', 'region:32', 'country:FR']));
    const position = new Map(refs.map((ref, i) => [ref, i]));
    for (const t of list) for (const p of t.parents) expect(position.get(p)).toBeLessThan(position.get(t.ref)!);
    expect(withAncestors([])).toEqual([]);
  });
});

describe('allOfficialTerritories', () => {
  const all = allOfficialTerritories();
  const count = (level: OfficialTerritory['level']): number => all.filter((t) => t.level === level).length;

  it('holds the whole COG', () => {
    expect(count('COUNTRY')).toBe(1);
    expect(count('REGION')).toBe(18);
    expect(count('DEPARTEMENT')).toBeGreaterThanOrEqual(101);
    expect(count('EPCI')).toBeGreaterThan(1_200);
    expect(count('EPCI')).toBeLessThan(1_300);
    expect(count('COMMUNE')).toBeGreaterThan(34_000);
    expect(count('COMMUNE')).toBeLessThan(36_000);
  });

  it('lists each ref once, every parent present and before its children', () => {
    const position = new Map<string, number>();
    all.forEach((t, i) => position.set(t.ref, i));
    expect(position.size).toBe(all.length);
    for (const t of all) {
      expect(t.parents.length > 0 || t.ref === 'country:FR').toBe(true);
      for (const parent of t.parents) {
        const at = position.get(parent);
        if (at === undefined || at >= position.get(t.ref)!) throw new Error(`${t.ref}: parent ${parent} missing or after it`);
      }
    }
  });

  it('only holds refs that the parser reads back unchanged', () => {
    for (const t of all) {
      const parsed = parseTerritoryRef(t.ref);
      if (!parsed.ok || parsed.value.ref !== t.ref || parsed.value.level !== t.level || parsed.value.code !== t.code) {
        throw new Error(`${t.ref} does not round-trip: ${JSON.stringify(parsed)}`);
      }
    }
  });

  it('returns a fresh list of frozen territories', () => {
    const again = allOfficialTerritories();
    expect(again).not.toBe(all);
    expect(again).toEqual(all);
    expect(Object.isFrozen(all[0])).toBe(true);
    expect(Object.isFrozen(all[0].parents)).toBe(true);
  });

  it('is quick once loaded', () => {
    const start = process.hrtime.bigint();
    allOfficialTerritories();
    withAncestors(all.slice(-1000).map((t) => t.ref));
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(200);
  });
});
