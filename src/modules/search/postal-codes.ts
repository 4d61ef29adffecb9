let byCommune: Map<string, readonly string[]> | undefined;

/**
 * The postal codes of a commune (INSEE code), from `@etalab/decoupage-administratif`'s communes
 * (`codesPostaux`), read once on first use. A territory is found by search under them
 * ("62750" → Loos-en-Gohelle). Empty for other levels and unknown codes.
 */
export function postalCodesOf(communeCode: string): readonly string[] {
  if (!byCommune) {
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; type: string; codesPostaux?: string[] }[];
    byCommune = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, Object.freeze(c.codesPostaux ?? [])]));
  }
  return byCommune.get(communeCode) ?? [];
}
