import { departementName, regionName } from './geography';
import { TERRITORY_LEVELS, type TerritoryLevel } from '../../graph/model';
import { isTerritoryCode, levelOfRefPrefix, refOf, refPrefixOf } from '../../graph/territory-grammar';

/**
 * Territory references. An INSEE code alone is ambiguous (région 32 is Hauts-de-France, département
 * 32 is Gers), so a territory is named by its ref `level:code`, level in lower case:
 * `commune:62528`, `epci:200033801`, `departement:2A`, `region:32`, `country:FR`.
 *
 * A bare code is accepted only where it cannot be misread: 5 characters = a commune, 9 digits = an
 * EPCI's SIREN, `FR` = the country. A bare 2–3 character code is refused, naming its readings.
 * What a code looks like at each level is the grammar of src/graph/territory-grammar.ts.
 */

export type { TerritoryLevel };
export { TERRITORY_LEVELS, levelOfRefPrefix, refOf, refPrefixOf };

export interface TerritoryRef {
  /** Canonical `level:code`, e.g. `commune:2A004`. */
  ref: string;
  level: TerritoryLevel;
  /** Normalised code, e.g. `2A004`, `FR`. */
  code: string;
}

export type TerritoryRefResult = { ok: true; value: TerritoryRef } | { ok: false; message: string };

const EXPECTED: Record<TerritoryLevel, string> = {
  COMMUNE: 'a commune code is 5 characters: its département and 3 digits (e.g. commune:62528, commune:01001, commune:2A004, commune:97411)',
  EPCI: 'an EPCI code is its 9-digit SIREN (e.g. epci:200033801)',
  DEPARTEMENT: 'a département code is 01 to 95, 2A, 2B or 971 to 976 (e.g. departement:62, departement:2A)',
  REGION: 'a région code is 2 digits (e.g. region:32)',
  COUNTRY: 'the only country is country:FR',
};

const FORMS =
  'write level:code (commune:62528, epci:200033801, departement:62, region:32, country:FR), ' +
  'or a bare 5-character commune code, a 9-digit EPCI SIREN or FR';

const CORSICA = 'Corsica is departement:2A (Corse-du-Sud) or departement:2B (Haute-Corse) since 1976';

/** A hint for a code that is well formed once its dropped leading zero is put back (spreadsheets drop it). */
function leadingZero(level: TerritoryLevel, code: string): string | undefined {
  const width = level === 'COMMUNE' ? 5 : level === 'DEPARTEMENT' || level === 'REGION' ? 2 : 0;
  if (!/^[0-9]+$/.test(code) || code.length !== width - 1) return undefined;
  const padded = `0${code}`;
  return isTerritoryCode(level, padded) ? `; did you mean ${refOf(level, padded)}? (a spreadsheet may have dropped the leading zero)` : undefined;
}

/** Why `code` is refused at `level`, with what would be right. */
function badCode(quoted: string, level: TerritoryLevel, code: string): TerritoryRefResult {
  if (level === 'DEPARTEMENT' && code === '20') return fail(`${quoted}: ${CORSICA}`);
  if (level === 'COMMUNE' && /^20[0-9]{3}$/.test(code)) {
    return fail(`${quoted}: Corsica's communes are numbered 2A… or 2B… since 1976 (e.g. commune:2A${code.slice(2)} or commune:2B${code.slice(2)})`);
  }
  return fail(`${quoted}: ${EXPECTED[level]}${leadingZero(level, code) ?? ''}`);
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
    if (isTerritoryCode(level, code)) return ok(level, code);
    return badCode(quoted, level, code);
  }

  const code = text.toUpperCase();
  if (code === 'FR') return ok('COUNTRY', code);
  if (code.length === 5) {
    if (isTerritoryCode('COMMUNE', code)) return ok('COMMUNE', code);
    if (/^20[0-9]{3}$/.test(code)) return badCode(quoted, 'COMMUNE', code);
    return fail(`${quoted}: a bare 5-character code is a commune; ${EXPECTED.COMMUNE}`);
  }
  if (isTerritoryCode('EPCI', code)) return ok('EPCI', code);
  if (code === '20') return fail(`${quoted}: ${CORSICA}`);
  if (code.length === 2 || code.length === 3) return fail(ambiguity(quoted, code));
  if (/^[0-9]{4}$/.test(code) && isTerritoryCode('COMMUNE', `0${code}`)) {
    return fail(`${quoted}: not a territory ref; did you mean commune:0${code}? (a spreadsheet may have dropped the leading zero)`);
  }
  return fail(`${quoted}: not a territory ref; ${FORMS}`);
}

/** The refusal of a bare 2–3 character code, naming every reading that exists (région first). */
function ambiguity(quoted: string, code: string): string {
  const readings: string[] = [];
  const region = isTerritoryCode('REGION', code) ? regionName(code) : undefined;
  if (region !== undefined) readings.push(`${refOf('REGION', code)} (${region})`);
  const departement = isTerritoryCode('DEPARTEMENT', code) ? departementName(code) : undefined;
  if (departement !== undefined) readings.push(`${refOf('DEPARTEMENT', code)} (${departement})`);
  if (readings.length === 0) return `${quoted}: not a territory; write level:code, e.g. departement:62 or region:32`;
  return `${quoted}: write ${readings.join(' or ')}`;
}
