import DataLoader from 'dataloader';
import { Context, loader } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { privacyParams } from './node.repository';

/**
 * Step 2 of the read model (DESIGN §11): the references the criteria of a request's lists name,
 * and cheap cardinalities for the planners, read in one query per batch (cached per request, so a
 * count that comes after its page reads nothing again).
 */

const readReferencesQuery = cypherQuery('node/read-references', {
  themes: ['-'], chantiers: [], objectives: [], territories: [], allies: [], texts: [], canSeePrivate: false, canSeeEmails: false,
});

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

function referenceLoader(ctx: Context): DataLoader<string, unknown> {
  return loader(ctx, 'references', () =>
    new DataLoader<string, unknown>(async (keys) => {
      const asked: Record<Kind, string[]> = { themes: [], chantiers: [], objectives: [], territories: [], allies: [], texts: [] };
      for (const k of keys) {
        if (k === TOTALS) continue;
        const i = k.indexOf(':');
        asked[k.slice(0, i) as Kind].push(k.slice(i + 1));
      }
      const [row] = await ctx.db.read<Row>(readReferencesQuery, { ...asked, ...privacyParams(ctx) });
      const found = new Map<string, unknown>();
      found.set(TOTALS, { allies: row.allyCount, chantiers: row.chantierCount, francePopulation: row.francePopulation } satisfies Totals);
      for (const kind of KINDS) {
        for (const { key, ...value } of row[kind] as { key: string }[]) found.set(`${kind}:${key}`, value);
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
