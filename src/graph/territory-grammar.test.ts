import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths';
import { parseTerritoryRef } from '../modules/territory/territory-ref';
import { allOfficialTerritories } from '../modules/territory/geography';
import { CANONICAL_TERRITORY_REF as SYNTHETIC_CANONICAL } from '../modules/bundle/synthetic';
import { BUNDLE_TERRITORY_REF_PATTERN, CANONICAL_TERRITORY_REF, isTerritoryCode } from './territory-grammar';

const schemaPattern = new RegExp(
  (JSON.parse(readFileSync(fromRoot('schema', 'bundle.schema.json'), 'utf8')) as { $defs: { territoryRef: { pattern: string } } })
    .$defs.territoryRef.pattern,
  'u',
);

describe('the territory grammar exists once', () => {
  it("is the bundle schema's territoryRef pattern, character for character", () => {
    expect(schemaPattern.source).toBe(BUNDLE_TERRITORY_REF_PATTERN);
  });

  it('is what the synthetic generator calls canonical', () => {
    expect(SYNTHETIC_CANONICAL).toBe(CANONICAL_TERRITORY_REF);
  });

  it('names every official territory of the COG, and the parser reads each ref back unchanged', () => {
    const refused = allOfficialTerritories().filter((t) => {
      const parsed = parseTerritoryRef(t.ref);
      return !parsed.ok || parsed.value.ref !== t.ref || !CANONICAL_TERRITORY_REF.test(t.ref) || !schemaPattern.test(t.ref);
    });
    expect(refused.map((t) => t.ref)).toEqual([]);
  });
});

/**
 * Each input: the canonical ref the API makes of it, or null when it is refused — by the parser
 * (GraphQL arguments, CSV, URLs) and by the bundle schema alike.
 */
describe.each([
  // Corsica: 2A/2B since 1976, never 20.
  ['departement:2A', 'departement:2A'],
  ['departement:2B', 'departement:2B'],
  ['departement:2a', 'departement:2A'],
  ['departement:20', null],
  ['commune:2A004', 'commune:2A004'],
  ['commune:2B033', 'commune:2B033'],
  ['2A004', 'commune:2A004'],
  ['commune:20004', null],
  ['20004', null],
  ['commune:2C004', null],
  // Overseas: départements 971–976 (975: Saint-Pierre-et-Miquelon, as the COG lists it); 977, 978, 984–989 are collectivités (their communes exist).
  ['departement:971', 'departement:971'],
  ['departement:974', 'departement:974'],
  ['departement:976', 'departement:976'],
  ['departement:977', null],
  ['departement:975', 'departement:975'],
  ['commune:97411', 'commune:97411'],
  ['97611', 'commune:97611'],
  ['commune:97701', 'commune:97701'],
  ['commune:98818', 'commune:98818'],
  ['commune:97901', null],
  // The level tells région 32 (Hauts-de-France) from département 32 (Gers); a bare 32 is refused.
  ['region:32', 'region:32'],
  ['departement:32', 'departement:32'],
  ['32', null],
  ['region:975', null],
  // EPCI: the 9-digit SIREN.
  ['epci:200033801', 'epci:200033801'],
  ['200033801', 'epci:200033801'],
  ['epci:20003380', null],
  ['epci:2000338011', null],
  // Leading zeros belong to the code.
  ['commune:01001', 'commune:01001'],
  ['01001', 'commune:01001'],
  ['commune:1001', null],
  ['departement:01', 'departement:01'],
  ['departement:1', null],
  ['departement:00', null],
  ['departement:96', null],
  ['commune:00001', null],
  ['country:FR', 'country:FR'],
  ['FR', 'country:FR'],
])('%j', (input, expected) => {
  it(expected === null ? 'is refused by the parser and the schema' : `is ${expected}`, () => {
    const parsed = parseTerritoryRef(input);
    expect(parsed.ok ? parsed.value.ref : null).toBe(expected);
    // The schema checks the published forms (lower-case level, upper-case code), so it sees the canonical ref.
    expect(schemaPattern.test(expected ?? input)).toBe(expected !== null);
  });
});

describe('refusals say what to write', () => {
  const message = (input: string) => {
    const parsed = parseTerritoryRef(input);
    if (parsed.ok) throw new Error(`${input} was accepted`);
    return parsed.message;
  };

  it('points Corsica to 2A and 2B', () => {
    expect(message('departement:20')).toBe('"departement:20": Corsica is departement:2A (Corse-du-Sud) or departement:2B (Haute-Corse) since 1976');
    expect(message('20')).toContain('departement:2A');
    expect(message('commune:20004')).toContain('commune:2A004 or commune:2B004');
    expect(message('20004')).toContain('commune:2A004 or commune:2B004');
  });

  it('offers the leading zero a spreadsheet dropped', () => {
    expect(message('commune:1001')).toContain('did you mean commune:01001?');
    expect(message('1001')).toContain('did you mean commune:01001?');
    expect(message('departement:1')).toContain('did you mean departement:01?');
  });

  it('keeps the level apart from the code', () => {
    expect(isTerritoryCode('REGION', '32')).toBe(true);
    expect(isTerritoryCode('DEPARTEMENT', '32')).toBe(true);
    expect(isTerritoryCode('REGION', '2A')).toBe(false);
    expect(isTerritoryCode('EPCI', '32')).toBe(false);
  });
});
