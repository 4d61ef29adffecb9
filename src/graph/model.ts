/**
 * THE graph model (DESIGN §2, STYLE 13): labels and their keys, relationship types and their
 * directions, the enums stored on nodes and relationships, which label carries privacy, and which
 * relation lists are short (read whole) or paged. The bundle codec, bundle validation, the sync
 * engine, the relation loaders and the synthetic generator derive their lists from here; a unit test
 * (model.test.ts) fails when `schema/bundle.schema.json` or the GraphQL schema disagrees with it.
 *
 * Pure data, no imports: anything may depend on it.
 */

// ---------------------------------------------------------------------------------------------
// Enums (the values stored in the graph, the bundle and the GraphQL enums alike)

export const ALLY_KINDS = ['ORGANIZATION', 'PERSON'] as const;
export const ORGANIZATION_TYPES = [
  'LOCAL_AUTHORITY', 'STATE_SERVICE', 'PUBLIC_AGENCY', 'NETWORK', 'ASSOCIATION', 'COOPERATIVE',
  'COMPANY', 'CONSULTANCY', 'RESEARCH_EDUCATION', 'MEDIA', 'FOUNDATION', 'OTHER',
] as const;
export const THEME_ROLES = ['LEAD', 'MEMBER'] as const;
export const CONTRIBUTION_ROLES = ['REFERENT', 'MEMBER', 'CARRIER'] as const;
export const CHANTIER_KINDS = ['COLLECTIVE', 'FLAGSHIP'] as const;
export const CHANTIER_STATUSES = ['PROPOSED', 'VALIDATED', 'ACTIVE', 'COMPLETED', 'ABANDONED'] as const;
export const EVENT_KINDS = ['ASSEMBLY', 'WORKSHOP', 'TRAINING', 'WEBINAR', 'OTHER'] as const;
export const EVENT_ROLES = ['SPEAKER', 'ORGANIZER', 'HOST', 'PARTICIPANT'] as const;
export const RESOURCE_KINDS = ['PODCAST', 'PUBLICATION', 'VIDEO', 'EXHIBITION', 'TOOL', 'ARTICLE'] as const;
export const COMMUNITY_ROLES = ['LEAD', 'MEMBER'] as const;
/** Territory levels, from the smallest to the largest (the grammar of refs: ./territory-grammar.ts). */
export const TERRITORY_LEVELS = ['COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'COUNTRY'] as const;

export type AllyKind = (typeof ALLY_KINDS)[number];
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
export type ThemeRole = (typeof THEME_ROLES)[number];
export type ContributionRole = (typeof CONTRIBUTION_ROLES)[number];
export type ChantierKind = (typeof CHANTIER_KINDS)[number];
export type ChantierStatus = (typeof CHANTIER_STATUSES)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type EventRole = (typeof EVENT_ROLES)[number];
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type CommunityRole = (typeof COMMUNITY_ROLES)[number];
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/** Every enum of the model by its GraphQL name (the test compares them with schema/schema.graphql). */
export const ENUMS = {
  AllyKind: ALLY_KINDS,
  OrganizationType: ORGANIZATION_TYPES,
  ThemeRole: THEME_ROLES,
  ContributionRole: CONTRIBUTION_ROLES,
  ChantierKind: CHANTIER_KINDS,
  ChantierStatus: CHANTIER_STATUSES,
  EventKind: EVENT_KINDS,
  EventRole: EVENT_ROLES,
  ResourceKind: RESOURCE_KINDS,
  CommunityRole: COMMUNITY_ROLES,
  TerritoryLevel: TERRITORY_LEVELS,
} as const;
export type EnumName = keyof typeof ENUMS;

// ---------------------------------------------------------------------------------------------
// Labels

export type NodeLabel =
  | 'Ally' | 'Territory' | 'Theme' | 'Chantier' | 'Charter' | 'CharterObjective' | 'Event' | 'Resource' | 'LearningCommunity';

/** The kind of entity a key names, as validation and error messages say it. */
export type EntityKind = 'charter' | 'objective' | 'theme' | 'territory' | 'ally' | 'event' | 'chantier' | 'resource' | 'community';

/** Where a label's nodes are listed in a bundle: one entry (`charter`) or an array. */
export type BundleCollection =
  | 'charter' | 'objectives' | 'themes' | 'territories' | 'allies' | 'events' | 'chantiers' | 'resources' | 'communities';

export interface LabelModel {
  label: NodeLabel;
  /** The human key, unique (a constraint), used by imports and URLs. Every node also has a unique opaque `id`. */
  key: 'slug' | 'ref' | 'code';
  kind: EntityKind;
  /** Where the label's nodes are in a bundle (`charter` is one object, every other an array). */
  collection: BundleCollection;
  /** Extra labels a node of this label carries, chosen by a property (`Ally:Organization`, `Ally:Person`). */
  kindLabels: { property: string; labels: Record<string, string> } | null;
  /**
   * Privacy (DESIGN §3): a node of this label is hidden from readers who may not see private data
   * when `flag` is false, and `restricted` properties are hidden from readers who may not see e-mails.
   * Only `Ally` carries privacy; the predicate is cypher/fragments/privacy.cypher.
   */
  privacy: { flag: string; restricted: readonly string[] } | null;
  /** Properties holding an enum of the model. */
  enums: Readonly<Record<string, EnumName>>;
  /**
   * The stored sort key every node of the label carries (the bundle codec writes it, folded from the
   * name or title): lists of these nodes are ordered by it, then `id`. Null when some nodes lack it
   * (a territory may have no name): their lists fall back on the key of any label
   * (cypher/fragments/node/related-page.cypher, key-any), which equals this one where it is stored.
   */
  sortKey: 'sortName' | 'sortTitle' | null;
}

const label = (m: Omit<LabelModel, 'kindLabels' | 'privacy' | 'enums' | 'sortKey'> & Partial<LabelModel>): LabelModel =>
  Object.freeze({ kindLabels: null, privacy: null, enums: {}, sortKey: null, ...m });

/** Every label, in import order: each relationship owned by a label points to a label listed before it (or to itself). */
export const LABELS: readonly LabelModel[] = Object.freeze([
  label({ label: 'Charter', key: 'slug', kind: 'charter', collection: 'charter' }),
  label({ label: 'CharterObjective', key: 'code', kind: 'objective', collection: 'objectives' }),
  label({ label: 'Theme', key: 'slug', kind: 'theme', collection: 'themes', sortKey: 'sortName' }),
  label({ label: 'Territory', key: 'ref', kind: 'territory', collection: 'territories', enums: { level: 'TerritoryLevel' } }),
  label({
    label: 'Ally',
    key: 'slug',
    kind: 'ally',
    collection: 'allies',
    sortKey: 'sortName',
    kindLabels: { property: 'kind', labels: { ORGANIZATION: 'Organization', PERSON: 'Person' } },
    privacy: { flag: 'public', restricted: ['email'] },
    enums: { kind: 'AllyKind', organizationType: 'OrganizationType' },
  }),
  label({ label: 'Event', key: 'slug', kind: 'event', collection: 'events', enums: { kind: 'EventKind' }, sortKey: 'sortTitle' }),
  label({ label: 'Chantier', key: 'slug', kind: 'chantier', collection: 'chantiers', enums: { kind: 'ChantierKind', status: 'ChantierStatus' }, sortKey: 'sortTitle' }),
  label({ label: 'Resource', key: 'slug', kind: 'resource', collection: 'resources', enums: { kind: 'ResourceKind' }, sortKey: 'sortTitle' }),
  label({ label: 'LearningCommunity', key: 'slug', kind: 'community', collection: 'communities', sortKey: 'sortName' }),
]);

const byLabel = new Map(LABELS.map((l) => [l.label, l]));

/** The model of a label. */
export function labelModel(name: NodeLabel): LabelModel {
  const m = byLabel.get(name);
  if (!m) throw new Error(`no label ${name} in the graph model`);
  return m;
}

/** The labels that carry privacy (today: Ally). */
export const PRIVATE_LABELS: readonly NodeLabel[] = LABELS.filter((l) => l.privacy !== null).map((l) => l.label);

// ---------------------------------------------------------------------------------------------
// Relationships

export type RelationshipType =
  | 'SIGNED' | 'MEMBER_OF' | 'BASED_IN' | 'ACTS_IN' | 'WORKS_ON' | 'CONTRIBUTES_TO' | 'SERVES' | 'OBJECTIVE_OF'
  | 'ADDRESSES' | 'LOCATED_IN' | 'PRESENTED_AT' | 'TOOK_PART_IN' | 'AUTHORED' | 'ABOUT' | 'FROM_EVENT'
  | 'MEMBER_OF_COMMUNITY' | 'PART_OF' | 'SUBTHEME_OF';

export interface RelationshipModel {
  type: RelationshipType;
  /** `(from)-[:TYPE]->(to)`: the direction stored in the graph. */
  from: NodeLabel;
  to: NodeLabel;
  /**
   * Which end's bundle entry lists the relationship, and so is authoritative for it on import
   * (`from`: a chantier lists its objectives; `to`: a chantier lists its participants).
   */
  owner: 'from' | 'to';
  /** Relationship properties; `role` holds a value of `roleEnum` when there is one. */
  properties: readonly string[];
  roleEnum?: EnumName;
  /** The role written when the source gives none. */
  defaultRole?: string;
  /**
   * How the `from` node's list of these relationships is read: `short` lists are read whole, all of
   * a node's short lists in one query (an ally's seat, themes, territories…); `paged` ones page by
   * cursor (an ally's chantiers). Incoming lists (a theme's allies, a chantier's participants) are
   * the long side and always paged or counted.
   */
  outList: 'short' | 'paged';
  /**
   * The field of the owner's bundle entry that lists it (`allies[].themes`, `chantiers[].participants`),
   * or null when the bundle implies it: SIGNED and OBJECTIVE_OF point to the bundle's charter,
   * MEMBER_OF is the top-level `affiliations` list.
   */
  bundleField: string | null;
}

const rel = (m: Omit<RelationshipModel, 'properties' | 'outList'> & Partial<RelationshipModel>): RelationshipModel =>
  Object.freeze({ properties: [], outList: 'short' as const, ...m });

/** Every relationship of the graph (`ABOUT` twice: from a resource and from a community). */
export const RELATIONSHIPS: readonly RelationshipModel[] = Object.freeze([
  rel({ type: 'OBJECTIVE_OF', from: 'CharterObjective', to: 'Charter', owner: 'from', bundleField: null }),
  rel({ type: 'SUBTHEME_OF', from: 'Theme', to: 'Theme', owner: 'from', bundleField: 'parent' }),
  rel({ type: 'PART_OF', from: 'Territory', to: 'Territory', owner: 'from', bundleField: 'parents' }),
  rel({ type: 'SIGNED', from: 'Ally', to: 'Charter', owner: 'from', properties: ['on'], bundleField: null }),
  rel({ type: 'BASED_IN', from: 'Ally', to: 'Territory', owner: 'from', bundleField: 'basedIn' }),
  rel({ type: 'ACTS_IN', from: 'Ally', to: 'Territory', owner: 'from', bundleField: 'actsIn' }),
  rel({ type: 'WORKS_ON', from: 'Ally', to: 'Theme', owner: 'from', properties: ['role'], roleEnum: 'ThemeRole', defaultRole: 'MEMBER', bundleField: 'themes' }),
  /** Person → Organization (both `Ally`): an affiliation. */
  rel({ type: 'MEMBER_OF', from: 'Ally', to: 'Ally', owner: 'from', properties: ['role'], bundleField: null }),
  rel({ type: 'TOOK_PART_IN', from: 'Ally', to: 'Event', owner: 'to', properties: ['role'], roleEnum: 'EventRole', defaultRole: 'PARTICIPANT', bundleField: 'participants' }),
  rel({ type: 'SERVES', from: 'Chantier', to: 'CharterObjective', owner: 'from', bundleField: 'objectives' }),
  rel({ type: 'ADDRESSES', from: 'Chantier', to: 'Theme', owner: 'from', bundleField: 'themes' }),
  rel({ type: 'LOCATED_IN', from: 'Chantier', to: 'Territory', owner: 'from', bundleField: 'territories' }),
  rel({ type: 'PRESENTED_AT', from: 'Chantier', to: 'Event', owner: 'from', bundleField: 'events' }),
  rel({
    type: 'CONTRIBUTES_TO', from: 'Ally', to: 'Chantier', owner: 'to', properties: ['role', 'since'],
    roleEnum: 'ContributionRole', defaultRole: 'MEMBER', outList: 'paged', bundleField: 'participants',
  }),
  rel({ type: 'AUTHORED', from: 'Ally', to: 'Resource', owner: 'to', bundleField: 'authors' }),
  rel({ type: 'ABOUT', from: 'Resource', to: 'Theme', owner: 'from', bundleField: 'themes' }),
  rel({ type: 'FROM_EVENT', from: 'Resource', to: 'Event', owner: 'from', bundleField: 'event' }),
  rel({ type: 'ABOUT', from: 'LearningCommunity', to: 'Theme', owner: 'from', bundleField: 'themes' }),
  rel({
    type: 'MEMBER_OF_COMMUNITY', from: 'Ally', to: 'LearningCommunity', owner: 'to', properties: ['role'],
    roleEnum: 'CommunityRole', defaultRole: 'MEMBER', bundleField: 'members',
  }),
]);

/** Every relationship type, once each, in model order. */
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = [...new Set(RELATIONSHIPS.map((r) => r.type))];

/** The relationship types a label's bundle entries own, by stored direction (`out`: the label is `from`). */
export function ownedTypes(name: NodeLabel): { out: RelationshipType[]; in: RelationshipType[] } {
  const unique = (list: RelationshipType[]) => [...new Set(list)];
  return {
    out: unique(RELATIONSHIPS.filter((r) => r.owner === 'from' && r.from === name).map((r) => r.type)),
    in: unique(RELATIONSHIPS.filter((r) => r.owner === 'to' && r.to === name).map((r) => r.type)),
  };
}

/** Outgoing relationship types read whole (`outList: 'short'`), for every label. */
export const SHORT_OUT_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter((t) =>
  RELATIONSHIPS.filter((r) => r.type === t).every((r) => r.outList === 'short'),
);

/** Outgoing relationship types paged by cursor. */
export const PAGED_OUT_TYPES: readonly RelationshipType[] = RELATIONSHIP_TYPES.filter((t) => !SHORT_OUT_TYPES.includes(t));

/** The role a relationship gets when the source names none, for the types that have one. */
export const DEFAULT_ROLES: Readonly<Partial<Record<RelationshipType, string>>> = Object.freeze(
  Object.fromEntries(RELATIONSHIPS.filter((r) => r.defaultRole !== undefined).map((r) => [r.type, r.defaultRole])),
);
