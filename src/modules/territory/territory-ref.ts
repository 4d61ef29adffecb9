import { departementName, regionName } from './geography';

/**
 * Territory references. An INSEE code alone is ambiguous (région 32 is Hauts-de-France, département
 * 32 is Gers), so a territory is named by its ref `level:code`, level in lower case:
 * `commune:62528`, `epci:200033801`, `departement:2A`, `region:32`, `country:FR`.
 *
 * A bare code is accepted only where it cannot be misread: 5 characters = a commune, 9 digits = an
 * EPCI's SIREN, `FR` = the country. A bare 2–3 character code is refused, naming its readings.
 */

export type TerritoryLevel = 'COMMUNE' | 'EPCI' | 'DEPARTEMENT' | 'REGION' | 'COUNTRY';

export interface TerritoryRef {
  /** Canonical `level:code`, e.g. `commune:2A004`. */
  ref: string;
  level: TerritoryLevel;
  /** Normalised code, e.g. `2A004`, `FR`. */
  code: string;
}

export type TerritoryRefResult = { ok: true; value: TerritoryRef } | { ok: false; message: string };

/** Every level, from the smallest to the largest. */
export const TERRITORY_LEVELS: readonly TerritoryLevel[] = ['COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'COUNTRY'];

const PREFIX: Record<TerritoryLevel, string> = {
  COMMUNE: 'commune',
  EPCI: 'epci',
  DEPARTEMENT: 'departement',
  REGION: 'region',
  COUNTRY: 'country',
};

/** What a code looks like at each level, once normalised (upper case). */
const CODE: Record<TerritoryLevel, RegExp> = {
  COMMUNE: /^(?:[0-9]{5}|2[AB][0-9]{3})$/,
  EPCI: /^[0-9]{9}$/,
  // 20 was Corsica's code before its split into 2A and 2B: no longer a département.
  DEPARTEMENT: /^(?:(?!20)[0-9]{2}|2[AB]|97[1-6])$/,
  REGION: /^[0-9]{2}$/,
  COUNTRY: /^FR$/,
};

const EXPECTED: Record<TerritoryLevel, string> = {
  COMMUNE: 'a commune code is 5 digits, or 2A/2B and 3 digits (e.g. commune:62528, commune:2A004)',
  EPCI: 'an EPCI code is its 9-digit SIREN (e.g. epci:200033801)',
  DEPARTEMENT: 'a département code is 2 digits, 2A, 2B or 971 to 976 (e.g. departement:62, departement:2A)',
  REGION: 'a région code is 2 digits (e.g. region:32)',
  COUNTRY: 'the only country is country:FR',
};

const FORMS =
  'write level:code (commune:62528, epci:200033801, departement:62, region:32, country:FR), ' +
  'or a bare 5-character commune code, a 9-digit EPCI SIREN or FR';

/** The canonical ref of `code` at `level` (`refOf('REGION', '32')` → `'region:32'`); `code` must be normalised. */
export function refOf(level: TerritoryLevel, code: string): string {
  return `${PREFIX[level]}:${code}`;
}

/** The lower-case prefix of `level` in a ref (`'DEPARTEMENT'` → `'departement'`). */
export function refPrefixOf(level: TerritoryLevel): string {
  return PREFIX[level];
}

/**
 * The level a ref prefix names, case- and accent-insensitively (`'Region'`, `'région'` → `'REGION'`),
 * or `undefined`. Accents are forgiven because French speakers naturally write `département`.
 */
export function levelOfRefPrefix(prefix: string): TerritoryLevel | undefined {
  const plain = prefix.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return TERRITORY_LEVELS.find((level) => PREFIX[level] === plain);
}

const ok = (level: TerritoryLevel, code: string): TerritoryRefResult => ({
  ok: true,
  value: { ref: refOf(level, code), level, code },
});
const fail = (message: string): TerritoryRefResult => ({ ok: false, message });

/**
 * The one parser used everywhere a territory is taken as input (bundle, CSV, GraphQL args, URLs).
 * Syntax + normalisation only (trim, case of the level, `2a` → `2A`, `fr` → `FR`); existence is
 * checked by geography. Bare 2–3 character codes are refused with their possible readings, which
 * is why the official names are consulted.
 */
export function parseTerritoryRef(input: string): TerritoryRefResult {
  if (typeof input !== 'string') return fail('a territory ref must be a string');
  const text = input.trim();
  if (text === '') return fail(`empty territory ref; ${FORMS}`);
  const quoted = JSON.stringify(text);

  const colon = text.indexOf(':');
  if (colon >= 0) {
    const prefix = text.slice(0, colon);
    const level = levelOfRefPrefix(prefix);
    if (!level) {
      if (prefix.trim() === '') return fail(`${quoted}: the level is missing; ${FORMS}`);
      return fail(`${quoted}: unknown level ${JSON.stringify(prefix.trim())}; levels are commune, epci, departement, region, country`);
    }
    const code = text.slice(colon + 1).trim().toUpperCase();
    if (CODE[level].test(code)) return ok(level, code);
    if (level === 'DEPARTEMENT' && code === '20') {
      return fail(`${quoted}: Corsica is departement:2A (Corse-du-Sud) or departement:2B (Haute-Corse)`);
    }
    return fail(`${quoted}: ${EXPECTED[level]}`);
  }

  const code = text.toUpperCase();
  if (code === 'FR') return ok('COUNTRY', code);
  if (code.length === 5) {
    return CODE.COMMUNE.test(code) ? ok('COMMUNE', code) : fail(`${quoted}: a bare 5-character code is a commune; ${EXPECTED.COMMUNE}`);
  }
  if (CODE.EPCI.test(code)) return ok('EPCI', code);
  if (code.length === 2 || code.length === 3) return fail(ambiguity(quoted, code));
  return fail(`${quoted}: not a territory ref; ${FORMS}`);
}

/** The refusal of a bare 2–3 character code, naming every reading that exists (région first). */
function ambiguity(quoted: string, code: string): string {
  const readings: string[] = [];
  const region = CODE.REGION.test(code) ? regionName(code) : undefined;
  if (region !== undefined) readings.push(`${refOf('REGION', code)} (${region})`);
  const departement = CODE.DEPARTEMENT.test(code) ? departementName(code) : undefined;
  if (departement !== undefined) readings.push(`${refOf('DEPARTEMENT', code)} (${departement})`);
  if (readings.length === 0) return `${quoted}: not a territory; write level:code, e.g. departement:62 or region:32`;
  return `${quoted}: write ${readings.join(' or ')}`;
}
