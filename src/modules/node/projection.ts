import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';
import type { NodeLabel, NodeRow } from './node.repository';

/**
 * Fetch what was asked (issue #10 item 8). A repository query returns only the stored properties
 * the GraphQL selection reads: the resolvers compute the list from their resolve info with
 * `selectedProps`, through a whitelist per label (GraphQL field → stored properties), and pass it
 * as the `$props` parameter of the query, which projects `[k IN $props | n[k]]` (temporal values
 * as ISO strings, computed by Neo4j: the driver's Date/DateTime objects are expensive to decode).
 * The property names are never user text: a field missing from the whitelist (a field added
 * later, another module's field resolver) makes the list `null`, which means every property
 * (`n {.*}`), as before. The keys a field resolver needs of its parent (id, slug, ref, code, level)
 * are always fetched.
 */

/** A property list for `$props`: null means every property. */
export type Props = readonly string[] | null;

/** What a field reads of its node: properties, or "the whole row" (null; e.g. a nested back-reference). */
type FieldNeed = readonly string[] | ((t: ResolveTree) => readonly string[] | null);

/** The whole row when the selection goes back to the parent through `path` (e.g. Contribution.ally). */
const backTo = (...path: string[]) => (t: ResolveTree): readonly string[] | null => (treesAt([t], path).length ? null : []);

const NONE: readonly string[] = [];

/** The properties every row of a label carries: what field resolvers and scopes read of their parent. */
export const KEY_PROPS: Readonly<Partial<Record<NodeLabel, readonly string[]>>> = {
  Ally: ['slug'],
  Territory: ['ref', 'code', 'level'],
  Theme: ['slug'],
  Chantier: ['slug'],
  Charter: ['slug'],
  CharterObjective: ['code'],
};

const own = (...names: string[]): Record<string, FieldNeed> => Object.fromEntries(names.map((n) => [n, [n]]));
const resolved = (...names: string[]): Record<string, FieldNeed> => Object.fromEntries(names.map((n) => [n, NONE]));

/** GraphQL field → what it reads, per label whose rows may be partial. Labels absent here: every property. */
export const FIELD_PROPS: Readonly<Partial<Record<NodeLabel, Readonly<Record<string, FieldNeed>>>>> = {
  Ally: {
    ...resolved('id', 'slug', 'basedIn', 'actsIn', 'themes', 'communities', 'resources'),
    degree: ['degreeAll', 'degreePublic'],
    ...own('name', 'kind', 'organizationType', 'description', 'website', 'siren', 'email', 'location', 'public', 'charterSignedOn', 'createdAt', 'updatedAt'),
    chantiers: backTo('edges', 'node', 'ally'),
    affiliations: backTo('person'),
    members: backTo('edges', 'node', 'organization'),
    events: backTo('ally'),
  },
  Territory: {
    ...resolved('id', 'ref', 'code', 'level', 'parents', 'children', 'allies', 'chantiers'),
    ...own('name', 'population', 'center', 'pilot', 'pilotSince'),
  },
  Theme: {
    ...resolved('id', 'slug', 'parent', 'subthemes', 'leads', 'allies', 'chantiers'),
    ...own('name', 'description'),
  },
  Chantier: {
    ...resolved('id', 'slug', 'objectives', 'themes', 'territories', 'events', 'referents'),
    ...own('title', 'summary', 'kind', 'status', 'launchedOn', 'validatedOn', 'website', 'createdAt', 'updatedAt'),
    participants: backTo('edges', 'node', 'chantier'),
  },
  CharterObjective: {
    ...resolved('id', 'code', 'charter', 'chantiers', 'allies'),
    ...own('title', 'description'),
  },
};

function treesAt(trees: readonly ResolveTree[], path: readonly string[]): ResolveTree[] {
  let level = [...trees];
  for (const name of path) {
    level = level.flatMap((t) => Object.values(t.fieldsByTypeName).flatMap((fields) => Object.values(fields)).filter((f) => f.name === name));
  }
  return level;
}

/** The properties of `label` that these selections (trees of that type) read; null: every property. */
export function propsOfTrees(label: NodeLabel, trees: readonly ResolveTree[]): Props {
  const fields = FIELD_PROPS[label];
  if (!fields) return null;
  const props = new Set<string>(KEY_PROPS[label] ?? []);
  for (const t of trees) {
    for (const [typeName, selected] of Object.entries(t.fieldsByTypeName)) {
      if (typeName !== label && typeName !== 'Node') continue;
      for (const f of Object.values(selected)) {
        if (f.name === '__typename') continue;
        const need = fields[f.name];
        if (need === undefined) return null;
        const names = typeof need === 'function' ? need(f) : need;
        if (names === null) return null;
        for (const n of names) props.add(n);
      }
    }
  }
  return [...props].sort();
}

/** What is known of one field of one request: its parsed selection (once asked) and what perField made of it, by name. */
interface FieldEntry {
  tree?: ResolveTree | null;
  made: Map<string, unknown>;
}

const cache = new WeakMap<object, Map<unknown, FieldEntry>>();

/**
 * The cache entry of the field being resolved, per request (its variables object) and field node: its
 * siblings (the same field of each item of a list) share it, and a large answer resolves it thousands
 * of times.
 */
function fieldEntry(info: GraphQLResolveInfo): FieldEntry {
  const perRequest = cache.get(info.variableValues) ?? new Map<unknown, FieldEntry>();
  cache.set(info.variableValues, perRequest);
  let entry = perRequest.get(info.fieldNodes[0]);
  if (!entry) {
    entry = { made: new Map() };
    perRequest.set(info.fieldNodes[0], entry);
  }
  return entry;
}

/** The parsed selection of the field being resolved (parsed once per request and field), e.g. to read its children's ahead. */
export function fieldTree(info: GraphQLResolveInfo): ResolveTree | null {
  const entry = fieldEntry(info);
  if (entry.tree === undefined) entry.tree = (parseResolveInfo(info) as ResolveTree | null | undefined) ?? null;
  return entry.tree;
}

/**
 * The properties of `label` that the selection of the field being resolved reads at `path` (e.g.
 * ['edges', 'node'] for a connection, ['theme'] for AllyTheme.theme), cached per request and field.
 */
export function selectedProps(info: GraphQLResolveInfo | undefined, label: NodeLabel, path: readonly string[] = []): Props {
  return info ? perField(info, `props:${label}:${path.join('.')}`, (tree) => propsAt(tree, label, path)) : null;
}

/** The properties of `label` that a field's selection (its parsed tree) reads at `path`: selectedProps of a tree. */
export function propsAt(tree: ResolveTree | null, label: NodeLabel, path: readonly string[] = []): Props {
  return tree ? propsOfTrees(label, treesAt([tree], path)) : null;
}

/**
 * What `make` makes of the selection of the field being resolved, once per request, field and
 * `name` (the same field of each item of a list shares it).
 */
export function perField<T>(info: GraphQLResolveInfo, name: string, make: (tree: ResolveTree | null) => T): T {
  const { made } = fieldEntry(info);
  if (!made.has(name)) made.set(name, make(fieldTree(info)));
  return made.get(name) as T;
}

/** What `$props` queries return for a node (see cypher/queries/node/by-keys.cypher). */
export interface ProjectedNode {
  id: string;
  _eid: string;
  _labels: string[];
  /** Every property (when $props is null). */
  _all?: Record<string, unknown> | null;
  /** The values of $props, in its order. */
  _values?: unknown[] | null;
  [extra: string]: unknown;
}

/**
 * A row of a relation list as Cypher sends it (cypher/fragments/node/related-page.cypher#rows): a
 * list, so that no map key travels and is decoded with every row.
 */
export type RelatedTuple = [
  type: string, sortKey: string, id: string, eid: string, labels: string[],
  all: Record<string, unknown> | null, values: unknown[] | null, rel: unknown[],
];

/** A row of a relation list: the relationship's type, the sort key and id (the cursor), its properties, the node. */
export interface RelatedAskRow {
  type: string;
  sortKey: string;
  id: string;
  rel: unknown[];
  node: ProjectedNode;
}

/** A relation list's row from its tuple. */
export function relatedAskRow(t: RelatedTuple): RelatedAskRow {
  return { type: t[0], sortKey: t[1], id: t[2], rel: t[7], node: { id: t[2], _eid: t[3], _labels: t[4], _all: t[5], _values: t[6] } };
}

/** The row a resolver reads, from a projected node and the `$props` it was read with. */
export function nodeRow(raw: ProjectedNode, props: Props): NodeRow {
  const { _all, _values, ...rest } = raw;
  if (props === null) return { ...(_all ?? {}), ...rest } as NodeRow;
  const row = rest as NodeRow;
  const values = _values ?? [];
  for (let i = 0; i < props.length; i++) row[props[i]] = values[i];
  return row;
}

/** Relationship properties a wrapper type (Contribution, AllyTheme…) reads: `role` always, `since` when selected. */
export function selectedRelProps(info: GraphQLResolveInfo | undefined, path: readonly string[] = []): readonly string[] {
  return info ? relPropsAt(fieldTree(info), path) : ['role', 'since'];
}

/** Whether a field's parsed selection asks for the field at `path` (true when unknown). */
export function selectsAt(tree: ResolveTree | null, path: readonly string[]): boolean {
  return tree ? treesAt([tree], path).length > 0 : true;
}

/** selectedRelProps of a field's parsed selection. */
export function relPropsAt(tree: ResolveTree | null, path: readonly string[] = []): readonly string[] {
  if (!tree) return ['role', 'since'];
  return treesAt([tree], [...path, 'since']).length ? ['role', 'since'] : ['role'];
}

/** A relationship's properties from the values of the relationship property list. */
export function relRow(values: unknown[] | null | undefined, relProps: readonly string[]): Record<string, unknown> {
  const rel: Record<string, unknown> = {};
  const v = values ?? [];
  for (let i = 0; i < relProps.length; i++) rel[relProps[i]] = v[i] ?? null;
  return rel;
}
