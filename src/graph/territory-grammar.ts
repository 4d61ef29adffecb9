import { TERRITORY_LEVELS, type TerritoryLevel } from './model';

/**
 * THE territory grammar (DESIGN §2 "Territory references", STYLE 13): what a territory's `ref`
 * looks like at each level. The parser (src/modules/territory/territory-ref.ts), the official
 * geography, the synthetic generator and the bundle schema's `territoryRef` pattern all use it
 * (grammar.test.ts proves the schema's pattern is the one built here).
 *
 * A ref is `level:code`, level in lower case, code in upper case:
 * - commune: its 5-character INSEE code: the département's two digits (01–19, 21–95) and three
 *   digits (`commune:01001`: the leading zero is part of the code), `2A`/`2B` and three digits for
 *   Corsica (`commune:2A004`), `971`–`978` and two digits overseas, `984`–`989` and two digits in
 *   the other collectivités d'outre-mer (Nouvelle-Calédonie, Polynésie…), which the COG lists too.
 * - EPCI: its 9-digit SIREN.
 * - département: 01–19, 21–95, `2A`, `2B`, `971`–`976`. Corsica has been 2A and 2B since 1976:
 *   `20` is no département (and no commune starts with `20`), and is refused with a message
 *   naming 2A and 2B. 977, 978 and 984–989 are collectivités, not départements.
 * - région: two digits (`region:32` is Hauts-de-France; `departement:32` is Gers: the level is
 *   what tells them apart, which is why a bare two-digit code is refused as ambiguous).
 * - country: `FR`.
 */

const DEPARTEMENT_DIGITS = '0[1-9]|1[0-9]|2[1-9]|[3-8][0-9]|9[0-5]';

/** The code at each level, as regular-expression source (no anchors), normalised (upper case). */
export const CODE_SOURCE: Readonly<Record<TerritoryLevel, string>> = Object.freeze({
  COMMUNE: `(?:${DEPARTEMENT_DIGITS})[0-9]{3}|2[AB][0-9]{3}|97[1-8][0-9]{2}|98[4-9][0-9]{2}`,
  EPCI: '[0-9]{9}',
  DEPARTEMENT: `${DEPARTEMENT_DIGITS}|2[AB]|97[1-6]`,
  REGION: '[0-9]{2}',
  COUNTRY: 'FR',
});

const CODE: Readonly<Record<TerritoryLevel, RegExp>> = Object.freeze(
  Object.fromEntries(TERRITORY_LEVELS.map((level) => [level, new RegExp(`^(?:${CODE_SOURCE[level]})$`)])) as Record<
    TerritoryLevel,
    RegExp
  >,
);

const PREFIX: Readonly<Record<TerritoryLevel, string>> = Object.freeze({
  COMMUNE: 'commune',
  EPCI: 'epci',
  DEPARTEMENT: 'departement',
  REGION: 'region',
  COUNTRY: 'country',
});

/** Whether `code` (normalised: upper case, trimmed) is a well-formed code at `level`. */
export function isTerritoryCode(level: TerritoryLevel, code: string): boolean {
  return CODE[level].test(code);
}

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

/** A canonical ref, `level:code` exactly as stored (what generated bundles and the graph hold). */
export const CANONICAL_TERRITORY_REF = new RegExp(
  `^(?:${TERRITORY_LEVELS.map((level) => `${PREFIX[level]}:(?:${CODE_SOURCE[level]})`).join('|')})$`,
);

/**
 * The `territoryRef` pattern of schema/bundle.schema.json: a canonical ref, or a bare code that
 * cannot be misread (a 5-character commune, a 9-digit EPCI SIREN, `FR`). The schema is the
 * published contract; the parser is more forgiving (case, accents, spaces) and validation
 * accepts what either accepts, then normalises.
 */
export const BUNDLE_TERRITORY_REF_PATTERN =
  `^(?:${TERRITORY_LEVELS.map((level) => `${PREFIX[level]}:(?:${CODE_SOURCE[level]})`).join('|')}` +
  `|${CODE_SOURCE.COMMUNE}|${CODE_SOURCE.EPCI}|${CODE_SOURCE.COUNTRY})$`;
