import neo4j from 'neo4j-driver';
import { composedQuery, cypherFragment, CypherQuery } from '../../db/cypher-registry';
import { LABELS, labelModel, RELATIONSHIPS, type NodeLabel, type RelationshipType } from '../../graph/model';

/**
 * The Cypher of a relation page (an ally's chantiers, a chantier's participants, a territory's
 * children…), one text per shape (STYLE 7), composed from cypher/fragments/node/related-page.cypher:
 * the direction, the relationship type, the parent's and the related nodes' labels are written in
 * the text (names of the graph model, checked against it), so Neo4j plans an expand of that one type
 * and a Top of `$limit` rows per parent, ordered by the related label's stored sort key (before, one
 * catch-all text took any type as a parameter, sorted every related node by CASE and sliced). The
 * short lists (a node's seat, themes…) are read whole by related-out/in. At 100,000 allies, the hub's
 * card (838 chantiers, the first 20 by title): 7.5 ms → 4.8 ms, the hand-written query's time.
 *
 * The shapes are every relation of the model read from either end (`out` from its `from` label,
 * `in` from its `to` label), in both orders, the parent found by id; and the out-relations a
 * node's card pages (`outList: 'paged'`) inside node/by-keys too (ally(slug) reads its first
 * chantiers in the statement that finds it: byKeyWithPageQuery). All are made by
 * relationPageShapes(): warm-up plans them, the plan test EXPLAINs each.
 */

export interface PageShape {
  dir: 'out' | 'in';
  type: RelationshipType;
  parent: NodeLabel;
  target: NodeLabel;
  desc: boolean;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
const LABEL_NAMES: ReadonlySet<string> = new Set(LABELS.map((l) => l.label));

/** The shape of a page of (parent, dir, type, target), when the graph model has that relation; null otherwise. */
export function pageShapeOf(dir: 'out' | 'in', parent: NodeLabel, type: string, target: NodeLabel | null, desc: boolean): PageShape | null {
  const ends = RELATIONSHIPS.filter((r) => r.type === type && (dir === 'out' ? r.from === parent : r.to === parent));
  const targets = [...new Set(ends.map((r) => (dir === 'out' ? r.to : r.from)))];
  const chosen = target ?? (targets.length === 1 ? targets[0] : null);
  if (chosen === null || !targets.includes(chosen)) return null;
  return { dir, type: type as RelationshipType, parent, target: chosen, desc };
}

const fragment = (name: string) => cypherFragment('node/related-page', name);

type Slot = 'PARENT' | 'TYPE' | 'TARGET' | 'KEY';

/**
 * Writes the model's names into a fragment's placeholders, each checked to be a name of the model
 * (labels for PARENT and TARGET, a relationship type for TYPE); a placeholder left without a name is
 * a programming error.
 */
export function withNames(text: string, names: Partial<Record<Slot, string>>): string {
  for (const [slot, name] of Object.entries(names)) {
    if (!IDENTIFIER.test(name)) throw new Error(`related-page: ${slot} "${name}" is not a Cypher name`);
  }
  for (const label of [names.PARENT, names.TARGET]) {
    if (label !== undefined && !LABEL_NAMES.has(label)) throw new Error(`related-page: ${label} is not a label of the graph model`);
  }
  if (names.TYPE !== undefined && !RELATIONSHIPS.some((r) => r.type === names.TYPE)) throw new Error(`related-page: ${names.TYPE} is not a relationship type of the graph model`);
  return text.replace(/\{\{(PARENT|TYPE|TARGET|KEY)\}\}/g, (_m, slot: Slot) => {
    const name = names[slot];
    if (name === undefined) throw new Error(`related-page: no name for the placeholder {{${slot}}}`);
    return name;
  });
}

const sample = () => ({
  asks: [{ key: '-', id: '-', role: null, level: null, props: ['name'], rel: ['role'], afterKey: null, afterId: null }],
  limit: neo4j.int(21),
  canSeePrivate: false,
  canSeeEmails: false,
});

export function shapeName(s: PageShape): string {
  return `node/related-page/${s.dir}-${s.type}-${s.parent}-${s.target}-${s.desc ? 'DESC' : 'ASC'}`;
}

/** The parts of a shape that read one parent's page: match, filter, sort key, keyset and Top, rows (`ask`, `p` bound). */
function pageParts(s: PageShape): string[] {
  const sortKey = labelModel(s.target).sortKey;
  return [
    fragment(s.dir === 'out' ? 'match-out' : 'match-in'),
    fragment('filter'),
    fragment({ sortName: 'key-sort-name', sortTitle: 'key-sort-title', none: 'key-any' }[sortKey ?? 'none']),
    fragment(s.desc ? 'page-desc' : 'page-asc'),
    fragment('rows'),
  ];
}

const names = (s: PageShape) => ({ PARENT: s.parent, TYPE: s.type, TARGET: s.target, KEY: labelModel(s.parent).key });

/** The page query of a shape (made once, kept by the registry). */
export function relatedPageQuery(s: PageShape): CypherQuery {
  return composedQuery(shapeName(s), () =>
    [fragment('open'), fragment('parent'), fragment('call'), ...pageParts(s), fragment('close')].map((p) => withNames(p, names(s))),
  sample());
}

/**
 * node/by-keys for the shape's parent label, with its page (`$page`: an ask as the page queries take
 * it, and `$limit`) read in the same query: a root's look-ahead (ally(slug) and its first chantiers)
 * in one statement, as by-keys reads the short lists (a second statement in the transaction is one
 * more socket write per request, measurable under load).
 */
export function byKeyWithPageQuery(s: PageShape): CypherQuery {
  if (s.dir !== 'out') throw new Error(`${shapeName(s)}: a look-ahead page is an out-relation of a node found by key`);
  const keys = (name: string) => cypherFragment('node/by-keys', name);
  return composedQuery(`node/by-keys-with-page/${s.type}-${s.parent}-${s.target}-${s.desc ? 'DESC' : 'ASC'}`, () =>
    [keys('find-label'), keys('lists'), keys('page-open'), ...pageParts(s), keys('page-close'), keys('return-with-page'), keys('node')].map((p) => withNames(p, names(s))),
  {
    keys: ['-'], props: ['name'], asks: [], limit: neo4j.int(21), canSeePrivate: false, canSeeEmails: false,
    page: { key: '-', role: null, level: null, props: ['name'], rel: ['role'], afterKey: null, afterId: null },
  });
}

/** Every page shape (see the module comment), made now. */
export function relationPageShapes(): PageShape[] {
  const out: PageShape[] = [];
  const add = (s: PageShape | null) => {
    if (s && !out.some((o) => shapeName(o) === shapeName(s))) out.push(s);
  };
  for (const r of RELATIONSHIPS) {
    for (const desc of [false, true]) {
      add(pageShapeOf('in', r.to, r.type, r.from, desc));
      if (r.outList === 'paged') add(pageShapeOf('out', r.from, r.type, r.to, desc));
    }
  }
  for (const s of out) {
    relatedPageQuery(s);
    if (s.dir === 'out') byKeyWithPageQuery(s);
  }
  return out;
}
