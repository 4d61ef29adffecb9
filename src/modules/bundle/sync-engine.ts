import neo4j, { Integer, ManagedTransaction } from 'neo4j-driver';
import { Database, run } from '../../db/database';
import { cypherQuery, CypherQuery } from '../../db/cypher-registry';
import { LABELS, labelModel, type NodeLabel } from '../../graph/model';

/**
 * The one write path of imports (bundle and CSV alike): makes a set of nodes and the relationships
 * they own exactly what the desired state says, and touches nothing else.
 *
 * For each batch, in ONE write transaction: read the current state of the batch's nodes, diff it
 * in JS against the desired state, then create the missing nodes, update the changed ones (and
 * only those: an unchanged node keeps its updatedAt), and rewrite the owned relationships of the
 * changed ones. The transaction function re-reads the state on a retry, so it is idempotent.
 */

/** A property value in plain form: what toPlain returns, so state and desire compare directly. */
export type PlainValue = string | number | boolean | null | { latitude: number; longitude: number };
export type PlainProps = Record<string, PlainValue>;

export type { NodeLabel };

export interface DesiredRel {
  type: string;
  /** 'out': from the item to the target; 'in': from the target to the item. */
  dir: 'out' | 'in';
  target: NodeLabel;
  key: string;
  props: PlainProps;
}

export interface DesiredItem {
  key: string;
  /** The full label set, e.g. ['Ally', 'Organization']. */
  labels: string[];
  /** Every property the source is authoritative for (null = absent). Undefined: the node must exist and its properties are left alone. */
  props?: PlainProps;
  /** Create when missing, never change when present (territories only referenced, not listed). */
  createOnly?: boolean;
  rels: DesiredRel[];
}

export interface LabelSpec {
  label: NodeLabel;
  keyProp: 'slug' | 'ref' | 'code';
  /** Labels the engine adds or removes to match `labels` (kind labels). */
  managedLabels: string[];
  /** Relationship types the source is authoritative for, by direction. */
  outTypes: string[];
  inTypes: string[];
  /** 'replace': owned relationships become exactly the desired ones; 'merge': missing ones are added. */
  relMode: 'replace' | 'merge';
  state: StateQuery;
  keys: KeysQuery;
}

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface StateRow {
  key: string;
  eid: string;
  labels: string[];
  props: Record<string, unknown>;
  rels: { type: string; dir: 'out' | 'in'; key: string; props: Record<string, unknown> }[];
}

/** Parameters of bundle/state-<kind>.cypher: the nodes of `keys`, with their owned relationships when `withRels`. */
export interface StateParams {
  keys: string[];
  withRels: boolean;
  outTypes: string[];
  inTypes: string[];
}
export type StateQuery = CypherQuery<StateParams, StateRow>;
/** bundle/keys-<kind>.cypher: a page of keys in key order, after `after`. */
export type KeysQuery = CypherQuery<{ after: string; limit: Integer }, { key: string }>;

/** cypher/queries/bundle/state-<kind>.cypher and keys-<kind>.cypher, one pair per label of the model. */
export const stateQuery = (label: NodeLabel): StateQuery => cypherQuery<StateParams, StateRow>(`bundle/state-${labelModel(label).kind}`);
export const keysQuery = (label: NodeLabel): KeysQuery => cypherQuery(`bundle/keys-${labelModel(label).kind}`);
for (const { label } of LABELS) {
  stateQuery(label);
  keysQuery(label);
}

/** Properties as the driver takes them (Neo4j dates, points and integers; see toNeo4j). */
type WrittenProps = Record<string, unknown>;

const createNodes = cypherQuery<{ rows: { key: string; labels: string[]; props: WrittenProps }[] }, { key: string; eid: string }>(
  'bundle/create-nodes',
);
const updateNodes = cypherQuery<
  { rows: { eid: string; props: WrittenProps; addLabels: string[]; removeLabels: string[] }[] },
  { updated: number }
>('bundle/update-nodes');
const deleteRels = cypherQuery<{ rows: { eid: string; outTypes: string[]; inTypes: string[] }[] }, { nodes: number }>('bundle/delete-rels');
const createRels = cypherQuery<{ rels: { from: string; to: string; type: string; props: WrittenProps }[] }, { created: number }>(
  'bundle/create-rels',
);

/** Properties written as Neo4j temporal, spatial or integer values; everything else as is. */
const DATE_PROPS = new Set(['adoptedOn', 'pilotSince', 'charterSignedOn', 'launchedOn', 'validatedOn', 'startsOn', 'endsOn', 'publishedOn', 'since', 'on']);
const POINT_PROPS = new Set(['location', 'center']);
const INT_PROPS = new Set(['population']);

function toNeo4j(name: string, value: PlainValue): unknown {
  if (value === null) return null;
  if (DATE_PROPS.has(name) && typeof value === 'string') {
    const [y, m, d] = value.split('-').map(Number);
    return new neo4j.types.Date(y, m, d);
  }
  if (POINT_PROPS.has(name) && typeof value === 'object') {
    return new neo4j.types.Point(4326, value.longitude, value.latitude);
  }
  if (INT_PROPS.has(name) && typeof value === 'number') return neo4j.int(value);
  return value;
}

function writeProps(props: PlainProps, dropNulls: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (dropNulls && v === null) continue;
    out[k] = toNeo4j(k, v);
  }
  return out;
}

/** Deep equality of plain values (numbers, strings, booleans, null, points). */
function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const pa = a as { latitude?: number; longitude?: number };
    const pb = b as { latitude?: number; longitude?: number };
    return pa.latitude === pb.latitude && pa.longitude === pb.longitude;
  }
  return false;
}

function propsDiffer(current: Record<string, unknown>, desired: PlainProps): boolean {
  return Object.entries(desired).some(([k, v]) => !samePlain(current[k], v));
}

const relSignature = (r: { type: string; dir: string; key: string; props: Record<string, unknown> }): string =>
  `${r.type}|${r.dir}|${r.key}|${JSON.stringify(Object.keys(r.props).sort().map((k) => [k, r.props[k] ?? null]))}`;

export interface BatchPlan {
  create: DesiredItem[];
  update: { item: DesiredItem; state: StateRow; propsChanged: boolean; relsChanged: boolean }[];
  unchanged: number;
}

/** Pure diff of a batch against its current state. */
export function planBatch(spec: LabelSpec, items: DesiredItem[], states: Map<string, StateRow>): BatchPlan {
  const plan: BatchPlan = { create: [], update: [], unchanged: 0 };
  for (const item of items) {
    const state = states.get(item.key);
    if (!state) {
      if (!item.props) throw new Error(`${spec.label} "${item.key}" does not exist`);
      plan.create.push(item);
      continue;
    }
    if (item.createOnly) {
      plan.unchanged += 1;
      continue;
    }
    const propsChanged =
      (item.props !== undefined && propsDiffer(state.props, item.props)) ||
      spec.managedLabels.some((l) => item.labels.includes(l) !== state.labels.includes(l));
    const current = new Set(state.rels.map(relSignature));
    const desired = new Set(item.rels.map(relSignature));
    const relsChanged =
      spec.relMode === 'replace'
        ? current.size !== desired.size || [...desired].some((s) => !current.has(s))
        : [...desired].some((s) => !current.has(s));
    if (propsChanged || relsChanged) plan.update.push({ item, state, propsChanged, relsChanged });
    else plan.unchanged += 1;
  }
  return plan;
}

async function readStates(tx: ManagedTransaction, spec: LabelSpec, keys: string[], withRels: boolean): Promise<Map<string, StateRow>> {
  const rows = await run(tx, spec.state, { keys, withRels, outTypes: spec.outTypes, inTypes: spec.inTypes });
  return new Map(rows.map((r) => [r.key, r]));
}

/** Element ids of relationship targets, one query per target label. */
async function resolveTargets(tx: ManagedTransaction, specs: Map<NodeLabel, LabelSpec>, rels: DesiredRel[]): Promise<Map<string, string>> {
  const byLabel = new Map<NodeLabel, Set<string>>();
  for (const r of rels) {
    let set = byLabel.get(r.target);
    if (!set) byLabel.set(r.target, (set = new Set()));
    set.add(r.key);
  }
  const eids = new Map<string, string>();
  for (const [label, keys] of byLabel) {
    const spec = specs.get(label)!;
    const states = await readStates(tx, spec, [...keys], false);
    for (const key of keys) {
      const s = states.get(key);
      if (!s) throw new Error(`${label} "${key}" does not exist (referenced by a relationship)`);
      eids.set(`${label}|${key}`, s.eid);
    }
  }
  return eids;
}

async function writeBatch(tx: ManagedTransaction, spec: LabelSpec, specs: Map<NodeLabel, LabelSpec>, plan: BatchPlan): Promise<void> {
  const eidOf = new Map<string, string>();
  if (plan.create.length) {
    const rows = plan.create.map((i) => ({ key: i.key, labels: i.labels, props: writeProps(i.props!, true) }));
    for (const r of await run(tx, createNodes, { rows })) eidOf.set(r.key, r.eid);
  }
  if (plan.update.length) {
    const rows = plan.update.map(({ item, state }) => ({
      eid: state.eid,
      props: item.props ? writeProps(item.props, false) : {},
      addLabels: spec.managedLabels.filter((l) => item.labels.includes(l) && !state.labels.includes(l)),
      removeLabels: spec.managedLabels.filter((l) => !item.labels.includes(l) && state.labels.includes(l)),
    }));
    await run(tx, updateNodes, { rows });
    for (const { item, state } of plan.update) eidOf.set(item.key, state.eid);
  }
  const relChanged = plan.update.filter((u) => u.relsChanged);
  if (spec.relMode === 'replace' && relChanged.length) {
    await run(tx, deleteRels, { rows: relChanged.map((u) => ({ eid: u.state.eid, outTypes: spec.outTypes, inTypes: spec.inTypes })) });
  }
  const toCreate: { item: DesiredItem; rel: DesiredRel }[] = [];
  for (const item of plan.create) for (const rel of item.rels) toCreate.push({ item, rel });
  for (const u of relChanged) {
    const existing = new Set(u.state.rels.map(relSignature));
    for (const rel of u.item.rels) {
      if (spec.relMode === 'merge' && existing.has(relSignature(rel))) continue;
      toCreate.push({ item: u.item, rel });
    }
  }
  if (!toCreate.length) return;
  const targets = await resolveTargets(tx, specs, toCreate.map((c) => c.rel));
  const rels = toCreate.map(({ item, rel }) => {
    const self = eidOf.get(item.key)!;
    const other = targets.get(`${rel.target}|${rel.key}`)!;
    return {
      from: rel.dir === 'out' ? self : other,
      to: rel.dir === 'out' ? other : self,
      type: rel.type,
      props: writeProps(rel.props, true),
    };
  });
  await run(tx, createRels, { rels });
}

export interface SyncOptions {
  dryRun: boolean;
  /** At most this many entities per transaction… */
  batchSize: number;
  /** …and at most about this many owned relationships (an entity with more gets a batch of its own). */
  maxRelsPerBatch?: number;
  onBatch?: (done: number) => void;
}

/**
 * Cuts items into batches bounded both by entity count and by relationship count: 20 events may
 * carry 80,000 participations, which one transaction should not write at once.
 */
export function batchesOf(items: DesiredItem[], maxItems: number, maxRels: number): DesiredItem[][] {
  const batches: DesiredItem[][] = [];
  let current: DesiredItem[] = [];
  let rels = 0;
  for (const item of items) {
    const weight = item.rels.length;
    if (current.length && (current.length >= maxItems || rels + weight > maxRels)) {
      batches.push(current);
      current = [];
      rels = 0;
    }
    current.push(item);
    rels += weight;
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * Syncs `items` of one label in batches. Items must be ordered so that a relationship to a node of
 * the same label points to an earlier item (parents first), or to one already in the database.
 */
export async function syncItems(
  db: Database,
  spec: LabelSpec,
  specs: Map<NodeLabel, LabelSpec>,
  items: DesiredItem[],
  opts: SyncOptions,
): Promise<SyncCounts> {
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const batch of batchesOf(items, opts.batchSize, opts.maxRelsPerBatch ?? 5000)) {
    const keys = batch.map((b) => b.key);
    const plan = opts.dryRun
      ? await db.readTx(async (tx) => planBatch(spec, batch, await readStates(tx, spec, keys, true)))
      : await db.writeTx(async (tx) => {
          const p = planBatch(spec, batch, await readStates(tx, spec, keys, true));
          await writeBatch(tx, spec, specs, p);
          return p;
        });
    counts.created += plan.create.length;
    counts.updated += plan.update.length;
    counts.unchanged += plan.unchanged;
    done += batch.length;
    opts.onBatch?.(done);
  }
  return counts;
}

/** Every node of a label with its owned relationships, in key order, page by page (export). */
export async function* readAll(db: Database, spec: LabelSpec, pageSize = 1000): AsyncGenerator<StateRow[]> {
  let after = '';
  for (;;) {
    const page = await db.readTx(async (tx) => {
      const keys = (await run(tx, spec.keys, { after, limit: neo4j.int(pageSize) })).map((r) => r.key);
      if (!keys.length) return [];
      const states = await readStates(tx, spec, keys, true);
      return keys.map((k) => states.get(k)!);
    });
    if (!page.length) return;
    yield page;
    after = page[page.length - 1].key;
  }
}
