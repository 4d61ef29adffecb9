import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { toSearchQuery } from '../src/modules/search/search-text';
import { fromRoot } from '../src/paths';
import type { NetworkReferences, References } from './operations';
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

/**
 * The references of who works with whom, read from the store once its Neo4j runs (the store's picks
 * are fixed by its cache key): the median ally, the ally farthest from it within 6 collaborations
 * (breadth-first over bench/picks/collaboration-groups.cypher, ties by slug), and a search text.
 */
export async function networkReferences(uri: string): Promise<{ network: NetworkReferences; why: string[] }> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true });
  try {
    // Read once before timing, on a cold store of a busy machine: minutes allowed, not the server's 5 s.
    const read = async (file: string) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(readFileSync(fromRoot('bench', 'picks', file), 'utf8')), { timeout: 600_000 });
        return result.records.map((r) => r.toObject());
      } finally {
        await session.close();
      }
    };
    const [m] = await read('median-ally.cypher');
    const median = m.median as { slug: string; chantiers: number } | null;
    if (!median) throw new Error('no visible ally takes part in a chantier');
    const groups = (await read('collaboration-groups.cypher')).map((r) => r.members as string[]);
    const far = farthest(groups, median.slug, 6);
    const searchText = SEARCH_TEXT;
    const searchQuery = toSearchQuery(searchText)!;
    return {
      network: { medianAlly: median.slug, farAlly: far.slug, farHops: far.hops, searchText, searchQuery },
      why: [
        `ally ${median.slug}: the median of the ${m.among} visible allies in a chantier, by chantiers (${median.chantiers})`,
        `ally ${far.slug}: the farthest from it within 6 collaborations (${far.hops}; ties by slug)`,
        `search "${searchText}": every synthetic cooperative's name (Lucene query ${searchQuery})`,
      ],
    };
  } finally {
    await driver.close();
  }
}

/** A word of synthetic organisation names ("Synth Coopérative 00042"), searched without its accent. */
export const SEARCH_TEXT = 'cooperative';

/** Breadth-first over groups (each member reaches every other): the farthest member from `from` within `maxHops`, ties by slug. */
export function farthest(groups: string[][], from: string, maxHops: number): { slug: string; hops: number } {
  const groupsOf = new Map<string, number[]>();
  groups.forEach((g, i) => g.forEach((s) => groupsOf.set(s, [...(groupsOf.get(s) ?? []), i])));
  const dist = new Map([[from, 0]]);
  const used = new Set<number>();
  let frontier = [from];
  for (let d = 1; d <= maxHops && frontier.length; d++) {
    const next: string[] = [];
    for (const u of frontier) {
      for (const g of groupsOf.get(u) ?? []) {
        if (used.has(g)) continue;
        used.add(g);
        for (const v of groups[g]) if (!dist.has(v)) { dist.set(v, d); next.push(v); }
      }
    }
    frontier = next;
  }
  const [slug, hops] = [...dist].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
  return { slug, hops };
}
