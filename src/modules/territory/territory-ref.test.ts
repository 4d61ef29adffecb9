import { levelOfRefPrefix, parseTerritoryRef, refOf, type TerritoryLevel } from './territory-ref';

function parsed(input: string): { ref: string; level: TerritoryLevel; code: string } {
  const result = parseTerritoryRef(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${result.message}`);
  return result.value;
}

function refusal(input: string): string {
  const result = parseTerritoryRef(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${result.value.ref}`);
  return result.message;
}

describe('parseTerritoryRef', () => {
  it.each([
    ['commune:62528', 'commune:62528', 'COMMUNE', '62528'],
    ['62528', 'commune:62528', 'COMMUNE', '62528'],
    ['2A004', 'commune:2A004', 'COMMUNE', '2A004'],
    ['2a004', 'commune:2A004', 'COMMUNE', '2A004'],
    ['commune:2A004', 'commune:2A004', 'COMMUNE', '2A004'],
    ['commune:2b033', 'commune:2B033', 'COMMUNE', '2B033'],
    ['97101', 'commune:97101', 'COMMUNE', '97101'],
    ['epci:200033801', 'epci:200033801', 'EPCI', '200033801'],
    ['200033801', 'epci:200033801', 'EPCI', '200033801'],
    ['departement:62', 'departement:62', 'DEPARTEMENT', '62'],
    ['departement:971', 'departement:971', 'DEPARTEMENT', '971'],
    ['departement:2A', 'departement:2A', 'DEPARTEMENT', '2A'],
    ['departement:2B', 'departement:2B', 'DEPARTEMENT', '2B'],
    ['departement:2a', 'departement:2A', 'DEPARTEMENT', '2A'],
    ['region:32', 'region:32', 'REGION', '32'],
    ['FR', 'country:FR', 'COUNTRY', 'FR'],
    ['fr', 'country:FR', 'COUNTRY', 'FR'],
    ['country:FR', 'country:FR', 'COUNTRY', 'FR'],
    ['country:fr', 'country:FR', 'COUNTRY', 'FR'],
  ])('reads %j as %s', (input, ref, level, code) => {
    expect(parsed(input)).toEqual({ ref, level, code });
  });

  it('trims, and reads the level case- and accent-insensitively', () => {
    expect(parsed('  commune:62528\n').ref).toBe('commune:62528');
    expect(parsed('Region:32').ref).toBe('region:32');
    expect(parsed('DEPARTEMENT:62').ref).toBe('departement:62');
    expect(parsed('département:62').ref).toBe('departement:62');
    expect(parsed('Région : 32').ref).toBe('region:32');
    expect(parsed('EPCI:200033801').ref).toBe('epci:200033801');
  });

  it('refuses a bare two-reading code, naming both readings exactly', () => {
    expect(refusal('32')).toBe('"32": write region:32 (Hauts-de-France) or departement:32 (Gers)');
    expect(refusal(' 32 ')).toBe('"32": write region:32 (Hauts-de-France) or departement:32 (Gers)');
  });

  it('refuses a bare code with a single reading, naming it', () => {
    expect(refusal('62')).toBe('"62": write departement:62 (Pas-de-Calais)');
    expect(refusal('971')).toBe('"971": write departement:971 (Guadeloupe)');
    expect(refusal('2A')).toBe('"2A": write departement:2A (Corse-du-Sud)');
    expect(refusal('2b')).toBe('"2b": write departement:2B (Haute-Corse)');
  });

  it('refuses a bare 2–3 character code that names nothing', () => {
    expect(refusal('99')).toBe('"99": not a territory; write level:code, e.g. departement:62 or region:32');
    expect(refusal('20')).toBe('"20": Corsica is departement:2A (Corse-du-Sud) or departement:2B (Haute-Corse) since 1976');
    expect(refusal('977')).toContain('not a territory');
  });

  it.each([
    ['commune:123', '"commune:123": a commune code is 5 characters'],
    ['commune:2C004', '"commune:2C004": a commune code'],
    ['region:ABC', '"region:ABC": a région code is 2 digits'],
    ['region:1', '"region:1": a région code is 2 digits'],
    ['departement:20', '"departement:20": Corsica is departement:2A (Corse-du-Sud) or departement:2B (Haute-Corse)'],
    ['departement:977', '"departement:977": a département code is 01 to 95, 2A, 2B or 971 to 976'],
    ['epci:12345', '"epci:12345": an EPCI code is its 9-digit SIREN'],
    ['country:DE', '"country:DE": the only country is country:FR'],
    ['planet:1', '"planet:1": unknown level "planet"; levels are commune, epci, departement, region, country'],
    [':62', '":62": the level is missing; write level:code'],
    ['', 'empty territory ref; write level:code'],
    ['   ', 'empty territory ref; write level:code'],
    ['ABCDE', '"ABCDE": a bare 5-character code is a commune'],
    ['1234', '"1234": not a territory ref; did you mean commune:01234?'],
    ['0999', '"0999": not a territory ref; write level:code (commune:62528'],
    ['France', '"France": not a territory ref'],
    ['12345678X', '"12345678X": not a territory ref'],
  ])('refuses %j with a message naming it and the accepted forms', (input, start) => {
    expect(refusal(input).startsWith(start)).toBe(true);
  });

  it('refuses a non-string (untyped callers)', () => {
    expect(refusal(62528 as unknown as string)).toBe('a territory ref must be a string');
  });
});

describe('helpers', () => {
  it('refOf builds a canonical ref', () => {
    expect(refOf('DEPARTEMENT', '2A')).toBe('departement:2A');
    expect(refOf('COUNTRY', 'FR')).toBe('country:FR');
  });

  it('levelOfRefPrefix knows the five levels and nothing else', () => {
    expect(levelOfRefPrefix('commune')).toBe('COMMUNE');
    expect(levelOfRefPrefix('Epci')).toBe('EPCI');
    expect(levelOfRefPrefix('région')).toBe('REGION');
    expect(levelOfRefPrefix('country')).toBe('COUNTRY');
    expect(levelOfRefPrefix('pays')).toBeUndefined();
  });
});
