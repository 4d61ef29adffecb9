import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { Context, loader } from '../../context';
import { composedQuery, cypherFragment, cypherQuery, CypherQuery } from '../../db/cypher-registry';
import { privacyParams } from './node.repository';

/**
 * Step 2 of the read model (DESIGN §11): the references the criteria of a request's lists name,
 * and cheap cardinalities for the planners, read in one query per batch (cached per request, so a
 * count that comes after its page reads nothing again, and across requests: PlannerStats).
 */

// The file with every part: what the plan and privacy tests read.
cypherQuery('node/read-references');

export interface Totals {
  allies: number;
  chantiers: number;
  francePopulation: number | null;
}
export interface ThemeRef { allies: number; chantiers: number }
export interface ChantierRef { allies: number }
export interface ObjectiveRef { chantiers: number; allies: number }
export interface TerritoryRef { level: string; population: number | null }
export interface AllyRef { chantiers: number }
export interface TextRef { allies: number; chantiers: number }

/** What may be asked: each list holds keys of one kind (slugs, codes, refs, Lucene queries). */
export interface ReferenceKeys {
  themes?: string[];
  chantiers?: string[];
  objectives?: string[];
  territories?: string[];
  allies?: string[];
  texts?: string[];
}

/** The answers: a key absent from its map does not exist (or, for allies, is not visible). */
export interface References {
  totals: Totals;
  themes: Map<string, ThemeRef>;
  chantiers: Map<string, ChantierRef>;
  objectives: Map<string, ObjectiveRef>;
  territories: Map<string, TerritoryRef>;
  allies: Map<string, AllyRef>;
  texts: Map<string, TextRef>;
}

const KINDS = ['themes', 'chantiers', 'objectives', 'territories', 'allies', 'texts'] as const;
type Kind = (typeof KINDS)[number];
const TOTALS = 'totals';

/**
 * node/read-references with the totals and the parts of the kinds present only (one text per
 * combination, STYLE 7): a request that names a theme and a territory sends neither the other four
 * CALLs nor their empty lists. At 10,000 allies: 0.64 -> 0.51 ms, and it plans in 75 ms instead of
 * 190. The kinds absent are answered `[]`. Each kind alone (and none) is made at load, for warm-up.
 */
function referencesQuery(present: readonly Kind[]): CypherQuery {
  const part = (name: string) => cypherFragment('node/read-references', name);
  const sample = { ...Object.fromEntries(present.map((k) => [k, ['-']])), canSeePrivate: false, canSeeEmails: false };
  return composedQuery(`node/read-references/${present.join('+') || 'totals'}`, () => [
    part('totals'),
    ...present.map(part),
    `RETURN allyCount, chantierCount, francePopulation, ${KINDS.map((k) => (present.includes(k) ? k : `[] AS ${k}`)).join(', ')}`,
  ], sample);
}
referencesQuery([]);
for (const kind of KINDS) referencesQuery([kind]);

interface Row {
  allyCount: number;
  chantierCount: number;
  francePopulation: number | null;
  themes: ({ key: string } & ThemeRef)[];
  chantiers: ({ key: string } & ChantierRef)[];
  objectives: ({ key: string } & ObjectiveRef)[];
  territories: ({ key: string } & TerritoryRef)[];
  allies: ({ key: string } & AllyRef)[];
  texts: ({ key: string } & TextRef)[];
}

/**
 * The planners' cardinalities of one server, kept across its requests for `ttlMs` (30 s by default,
 * ARCHIPEL_PLANNER_STATS_TTL_S), at most `max` keys: a filtered list then makes one round trip
 * instead of two (the references query costs about 1 ms at c=1, fixed costs of a transaction mostly).
 * Only what is found is kept: a stale count or population picks a slower start for a while, never
 * another answer (the page and count queries read the graph itself). A key found nowhere is read by
 * every request (a territory not in the graph answers empty without a query, an unknown theme is
 * refused), so one imported meanwhile is found at once; one deleted meanwhile (no import deletes a
 * theme, chantier, objective or territory today) would answer empty instead of being refused until it
 * expires. Allies are never kept (whether the viewer may see one is an answer). Kept per viewer class,
 * as the counts depend on who may see private persons.
 */
export class PlannerStats {
  private readonly cache: LRUCache<string, object>;

  constructor(ttlMs: number, max = 10_000) {
    this.cache = new LRUCache<string, object>({ max, ttl: ttlMs });
  }

  get(viewer: string, key: string): object | undefined {
    return this.cache.get(`${viewer}|${key}`);
  }

  /** Keeps a found value, unless it decides an answer (see the class comment). */
  set(viewer: string, key: string, value: object): void {
    if (!key.startsWith('allies:')) this.cache.set(`${viewer}|${key}`, value);
  }
}

function referenceLoader(ctx: Context): DataLoader<string, unknown> {
  return loader(ctx, 'references', () =>
    new DataLoader<string, unknown>(async (keys) => {
      const privacy = privacyParams(ctx);
      const viewer = privacy.canSeePrivate ? 'private' : 'public';
      const stats = ctx.plannerStats;
      const found = new Map<string, unknown>();
      const missing = keys.filter((k) => {
        const kept = stats?.get(viewer, k);
        if (kept !== undefined) found.set(k, kept);
        return kept === undefined;
      });
      if (missing.length === 0) return keys.map((k) => found.get(k));
      const asked: Record<Kind, string[]> = { themes: [], chantiers: [], objectives: [], territories: [], allies: [], texts: [] };
      for (const k of missing) {
        if (k === TOTALS) continue;
        const i = k.indexOf(':');
        asked[k.slice(0, i) as Kind].push(k.slice(i + 1));
      }
      const present = KINDS.filter((kind) => asked[kind].length > 0);
      const params = Object.fromEntries(present.map((kind) => [kind, asked[kind]]));
      const [row] = await ctx.db.read<Row>(referencesQuery(present), { ...params, ...privacy });
      const read = new Map<string, object>();
      read.set(TOTALS, { allies: row.allyCount, chantiers: row.chantierCount, francePopulation: row.francePopulation } satisfies Totals);
      for (const kind of KINDS) {
        for (const { key, ...value } of row[kind] as { key: string }[]) read.set(`${kind}:${key}`, value);
      }
      for (const [k, v] of read) {
        found.set(k, v);
        stats?.set(viewer, k, v);
      }
      return keys.map((k) => found.get(k) ?? null);
    }),
  );
}

/** References that name nothing yet, with these totals. */
export function emptyReferences(totals: Totals): References {
  return { totals, themes: new Map(), chantiers: new Map(), objectives: new Map(), territories: new Map(), allies: new Map(), texts: new Map() };
}

/** The references of all the keys given (one query for what this request has not read yet). */
export async function readReferences(ctx: Context, keys: ReferenceKeys): Promise<References> {
  const l = referenceLoader(ctx);
  const wanted = KINDS.flatMap((kind) => [...new Set(keys[kind] ?? [])].map((v) => [kind, v] as const));
  const [totals, ...values] = await Promise.all([l.load(TOTALS), ...wanted.map(([kind, v]) => l.load(`${kind}:${v}`))]);
  const refs = emptyReferences(totals as Totals);
  wanted.forEach(([kind, v], i) => {
    if (values[i] !== null) (refs[kind] as Map<string, unknown>).set(v, values[i]);
  });
  return refs;
}
