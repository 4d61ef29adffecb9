import type { References } from './operations';
import type { StorePicks } from './store-cache';

/** The région of issue #10's count (`territory(ref: "region:84") { allies { totalCount } }`). */
export const REGION = 'region:84';

interface CogCommune { code: string; type: string; departement?: string }
interface CogEpci { code: string; membres: { code: string }[] }

/**
 * The départements whose EPCIs all lie inside them. Elsewhere an EPCI spanning two départements is
 * PART_OF both (src/modules/territory/geography.ts), so "within the département" depends on whether a
 * walk may pass through it (issue #10, item 1): the benchmark's département must not depend on that
 * until the model is settled, so that the three servers can be compared before and after the fix.
 */
export function departementsWithoutCrossingEpci(): Set<string> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
  const epcis = require('@etalab/decoupage-administratif/data/epci.json') as CogEpci[];
  /* eslint-enable @typescript-eslint/no-require-imports */
  const dep = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c.departement]));
  const all = new Set([...dep.values()].filter((d): d is string => d !== undefined));
  for (const e of epcis) {
    const deps = new Set(e.membres.map((m) => dep.get(m.code)));
    if (deps.size > 1) for (const d of deps) if (d) all.delete(d);
  }
  return all;
}

/** Allies based or acting directly in a commune of each département, or in the département itself (an estimate, for ranking). */
function alliesPerDepartement(picks: StorePicks): Map<string, number> {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
  const dep = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c.departement]));
  const out = new Map<string, number>();
  for (const [ref, n] of Object.entries(picks.directAllies)) {
    const [level, code] = ref.split(':');
    const d = level === 'commune' ? dep.get(code) : level === 'departement' ? code : undefined;
    if (d) out.set(d, (out.get(d) ?? 0) + n);
  }
  return out;
}

/** The slugs, refs and codes of the operations, from what the generator made (they exist at every scale and seed). */
export function pickReferences(picks: StorePicks): { references: References; why: string[] } {
  const hub = picks.busiestAllies[0];
  const theme = picks.themes[0];
  const objective = picks.objectives[0];
  if (!hub || !theme || !objective) throw new Error('the generated bundle has no visible ally in a chantier, no theme or no objective');
  const clean = departementsWithoutCrossingEpci();
  const ranked = [...alliesPerDepartement(picks)].filter(([d]) => clean.has(d)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!ranked.length) throw new Error('no ally is in a département whose EPCIs all lie inside it');
  const [departement, depAllies] = ranked[0];
  return {
    references: { hubAlly: hub.slug, hubTheme: theme.slug, region: REGION, departement: `departement:${departement}`, objective: objective.code },
    why: [
      `ally ${hub.slug}: the visible ally in the most chantiers (${hub.chantiers})`,
      `theme ${theme.slug}: the biggest tribe (${theme.members} members)`,
      `${REGION}: the région of issue #10's count`,
      `departement:${departement}: the one with the most allies (~${depAllies} based or acting in it directly) among the ${clean.size} whose EPCIs all lie inside them`,
      `objective ${objective.code}: served by the most chantiers (${objective.chantiers})`,
    ],
  };
}
