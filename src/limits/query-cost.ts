import { DocumentNode, GraphQLField, GraphQLSchema, getNamedType, getNullableType, isListType, isObjectType } from 'graphql';
import { ComplexityEstimator, ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE } from '../common/relay';

/**
 * The estimated node count of an operation, GitHub-style, computed before execution: every field that
 * returns several items costs its number of items times (1 + the cost of what is selected in each),
 * so page sizes multiply down the tree; siblings, aliases and fragments add up; scalars cost nothing.
 *
 * The cost of a field is derived once, here, from its arguments and its return type, so a new field
 * gets one without its resolver doing anything:
 *
 * - a **connection** (a type `…Connection` with `edges`): `first` or `last`, else the default page (20);
 *   its `edges` and `node` pass the cost through (they are the same items);
 * - a field with a **size argument** (`first`, `last`, `maxNodes`: a list of at most that many items;
 *   `maxHops`: a path of at most maxHops + 1 nodes; `ids`: one item per id); when the argument is omitted,
 *   its schema default, else the field's entry in FIELD_BOUNDS, else the default page;
 * - a **plain list** without such an argument: its bound in FIELD_BOUNDS, else DEFAULT_LIST_BOUND;
 * - anything else (an object, a scalar): 1 × (the cost of its selection), i.e. only what it contains.
 *
 * A new field declares its cost by having one of those arguments, or, when it is a plain list whose
 * length is bounded by the data (e.g. an ally's themes), by an entry `Type.field` in FIELD_BOUNDS.
 */

/** Explicit bounds of fields whose length is not in their arguments: plain lists, defaults of size arguments. */
export const FIELD_BOUNDS: Readonly<Record<string, number>> = {
  // Plain lists bounded by the data model.
  'Ally.themes': 10,
  'Ally.actsIn': 10,
  'Ally.affiliations': 10,
  'Ally.communities': 10,
  'Ally.events': 20,
  'Ally.resources': 20,
  'Chantier.themes': 10,
  'Chantier.objectives': 10,
  'Chantier.referents': 10,
  'Chantier.territories': 10,
  'Chantier.events': 20,
  'Charter.objectives': 10,
  'Query.charterObjectives': 10,
  'Event.chantiers': 20,
  'Event.resources': 20,
  'LearningCommunity.themes': 10,
  'Resource.authors': 10,
  'Resource.themes': 10,
  // A territory's ancestors: commune → EPCI, département → région → country.
  'Territory.parents': 5,
  'Theme.leads': 20,
  'Theme.subthemes': 20,
  // Fields of the network module (#11) when their size argument is omitted and has no schema default.
  'Query.network': 2000,
  'Query.neighbourhood': 2000,
  'Query.collaborationPath': 7,
  // A network counts its maxNodes once: its nodes, edges and communities are those items again
  // (as a connection's edges), so they pass the cost through.
  'Network.nodes': 1,
  'Network.edges': 1,
  'Network.communities': 1,
  // A path counts maxHops + 1 once: its steps are those items.
  'CollaborationPath.steps': 1,
  // The shared contexts of a pair: a few chantiers and communities.
  'Collaborator.via': 10,
  'PathStep.via': 10,
  // The readable reasons of a suggestion: at most three sentences.
  'SuggestedCollaborator.reasons': 3,
  // One row per territory of a level within a territory: 18 régions, 101 départements, and the
  // communes of a département (up to ~900).
  'Query.territoryStats': 1000,
  // One row per theme.
  'Query.themeStats': 200,
};

/** A plain list that FIELD_BOUNDS does not name. */
export const DEFAULT_LIST_BOUND = 20;

/** Size arguments, in the order they are looked at: how many items the field returns for a value n. */
const SIZE_ARGUMENTS: readonly { name: string; items: (n: number) => number }[] = [
  { name: 'first', items: (n) => n },
  { name: 'last', items: (n) => n },
  { name: 'maxNodes', items: (n) => n },
  { name: 'maxHops', items: (n) => n + 1 },
];

const isConnectionType = (name: string) => name.endsWith('Connection');
const isEdgeType = (name: string) => name.endsWith('Edge');

function returnsList(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(getNullableType(field.type));
}

function returnsConnection(field: GraphQLField<unknown, unknown>): boolean {
  const t = getNamedType(field.type);
  return isObjectType(t) && isConnectionType(t.name) && 'edges' in t.getFields();
}

/** How many items a field returns at most, or null when it returns one thing. */
export function itemsOf(parentType: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  // The edges of a connection (and each edge's node) are the items its field already counted.
  if (isConnectionType(parentType) || isEdgeType(parentType)) return null;
  const key = `${parentType}.${field.name}`;
  const declared = new Set(field.args.map((a) => a.name));
  for (const s of SIZE_ARGUMENTS) {
    if (!declared.has(s.name)) continue;
    const v = args[s.name];
    if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, s.items(v));
  }
  if (declared.has('ids') && Array.isArray(args.ids)) return args.ids.length;
  const sized = SIZE_ARGUMENTS.some((s) => declared.has(s.name));
  if (returnsConnection(field) || sized) return FIELD_BOUNDS[key] ?? DEFAULT_PAGE;
  if (returnsList(field)) return FIELD_BOUNDS[key] ?? DEFAULT_LIST_BOUND;
  return null;
}

/** The one estimator: n × (1 + children) for a field of n items, the children's cost otherwise. */
export const nodeCountEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs) => {
  const n = itemsOf(type.name, field, args);
  return n === null ? childComplexity : n * (1 + childComplexity);
};

/** The estimated node count of the operation `operationName` of `document` with `variables`. */
export function estimateNodeCount(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [nodeCountEstimator] });
}

/** An estimate, or NaN when the operation was too large to estimate (the estimator threw). */
export type Estimate = number;

/**
 * The estimates of the documents in use, by document, operation name and variables. Apollo hands
 * every request of the same text the same parsed document (its document store), so a client asking
 * the same operation again is estimated once, not at each request (the estimate walked the whole
 * selection, about 5% of a small request's time in Node). At most `perDocument` variable sets are
 * kept per document, the oldest dropped first; a document no longer cached by Apollo is let go.
 */
export class EstimateCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, Estimate>>();

  constructor(
    private readonly estimate: (document: DocumentNode, variables: Record<string, unknown>, operationName?: string) => number,
    private readonly perDocument = 64,
  ) {}

  get(document: DocumentNode, variables: Record<string, unknown>, operationName?: string): Estimate {
    let known = this.byDocument.get(document);
    if (!known) {
      known = new Map();
      this.byDocument.set(document, known);
    }
    const key = `${operationName ?? ''}\n${JSON.stringify(variables)}`;
    let value = known.get(key);
    if (value === undefined) {
      try {
        value = this.estimate(document, variables, operationName);
      } catch {
        value = NaN;
      }
      if (known.size >= this.perDocument) known.delete(known.keys().next().value as string);
      known.set(key, value);
    }
    return value;
  }
}
