import type { Bundle, BundlePoint, BundleTerritory } from './bundle.types';
import { foldForSort } from '../../common/text';
import { officialCentre, OfficialTerritory, withAncestors } from '../territory/geography';
import { parseTerritoryRef } from '../territory/territory-ref';
import { searchableText } from '../search/search-text';
import { postalCodesOf } from '../search/postal-codes';
import { DesiredItem, DesiredRel, LabelSpec, NodeLabel, PlainProps, PlainValue, StateRow, keysQuery, stateQuery } from './sync-engine';
import { DEFAULT_ROLES, LABELS, labelModel, ownedTypes, type BundleCollection } from '../../graph/model';

/**
 * The mapping between the bundle format and the graph, both ways, in one place: what each bundle
 * entry becomes (properties, labels, owned relationships) and how a node is written back. Keeping
 * both directions side by side is what makes import(export(X)) = X hold.
 */

/** The sync spec of a label, derived from the graph model: its key, the relationships its entries own, its kind labels. */
const spec = (label: NodeLabel): LabelSpec => {
  const model = labelModel(label);
  const owned = ownedTypes(label);
  return {
    label,
    keyProp: model.key,
    outTypes: owned.out,
    inTypes: owned.in,
    managedLabels: model.kindLabels ? Object.values(model.kindLabels.labels) : [],
    relMode: 'replace',
    state: stateQuery(label),
    keys: keysQuery(label),
  };
};

export const SPECS = {
  charter: spec('Charter'),
  objectives: spec('CharterObjective'),
  themes: spec('Theme'),
  territories: spec('Territory'),
  allies: spec('Ally'),
  events: spec('Event'),
  chantiers: spec('Chantier'),
  resources: spec('Resource'),
  communities: spec('LearningCommunity'),
} satisfies Record<BundleCollection, LabelSpec>;
/** Affiliations of persons that the bundle does not list: added, never removed. */
export const AFFILIATIONS_SPEC: LabelSpec = { ...SPECS.allies, outTypes: ['MEMBER_OF'], managedLabels: [], relMode: 'merge' };

export type EntityType = keyof typeof SPECS;
export const SPECS_BY_LABEL = new Map<NodeLabel, LabelSpec>(Object.values(SPECS).map((s) => [s.label, s]));

/** The order of import: every relationship points to a type written before (or to itself). */
export const IMPORT_ORDER: EntityType[] = LABELS.map((l) => l.collection);

const p = (v: string | number | boolean | BundlePoint | undefined): PlainValue => (v === undefined ? null : v);

function rel(type: string, dir: 'out' | 'in', target: NodeLabel, key: string, props: Record<string, string | undefined> = {}): DesiredRel {
  const clean: PlainProps = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined) clean[k] = v;
  return { type, dir, target, key, props: clean };
}

function dedupe(rels: DesiredRel[]): DesiredRel[] {
  const seen = new Set<string>();
  return rels.filter((r) => {
    const sig = `${r.type}|${r.dir}|${r.key}|${JSON.stringify(r.props)}`;
    if (seen.has(sig)) return false;
    seen.add(sig);
    return true;
  });
}

/** Orders items so that each one's same-label targets come first (parents before children). */
function parentsFirst(items: DesiredItem[], relType: string): DesiredItem[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  const out: DesiredItem[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: DesiredItem) => {
    if (state.get(item.key)) return; // done, or a cycle (refused by validation)
    state.set(item.key, 'visiting');
    for (const r of item.rels) if (r.type === relType && byKey.has(r.key)) visit(byKey.get(r.key)!);
    state.set(item.key, 'done');
    out.push(item);
  };
  items.forEach(visit);
  return out;
}

export { DEFAULT_ROLES };

/** Which charter SIGNED and OBJECTIVE_OF point to. */
export interface CodecContext {
  charterSlug?: string;
}

/** Desired graph state for a validated bundle (territory refs already canonical), per entity type. */
export function bundleToItems(bundle: Bundle, ctx: CodecContext): Record<EntityType, DesiredItem[]> & { affiliations: DesiredItem[] } {
  const charterRel = (props: Record<string, string | undefined> = {}) =>
    ctx.charterSlug ? [rel('SIGNED', 'out', 'Charter', ctx.charterSlug, props)] : [];

  const charter: DesiredItem[] = bundle.charter
    ? [{ key: bundle.charter.slug, labels: ['Charter'], props: { slug: bundle.charter.slug, title: bundle.charter.title, adoptedOn: p(bundle.charter.adoptedOn) }, rels: [] }]
    : [];

  const objectives = (bundle.objectives ?? []).map<DesiredItem>((o) => ({
    key: o.code,
    labels: ['CharterObjective'],
    props: { code: o.code, title: o.title, description: p(o.description) },
    rels: ctx.charterSlug ? [rel('OBJECTIVE_OF', 'out', 'Charter', ctx.charterSlug)] : [],
  }));

  const themes = parentsFirst(
    (bundle.themes ?? []).map<DesiredItem>((t) => ({
      key: t.slug,
      labels: ['Theme'],
      props: { slug: t.slug, name: t.name, sortName: foldForSort(t.name), description: p(t.description), searchText: searchableText([t.name, t.description]) },
      rels: t.parent ? [rel('SUBTHEME_OF', 'out', 'Theme', t.parent)] : [],
    })),
    'SUBTHEME_OF',
  );

  const territories = territoryItems(bundle);

  const persons = new Set((bundle.allies ?? []).filter((a) => a.kind === 'PERSON').map((a) => a.slug));
  const affiliationsOf = new Map<string, DesiredRel[]>();
  for (const af of bundle.affiliations ?? []) {
    const list = affiliationsOf.get(af.person) ?? [];
    list.push(rel('MEMBER_OF', 'out', 'Ally', af.organization, { role: af.role }));
    affiliationsOf.set(af.person, list);
  }

  // Organisations first: a person's MEMBER_OF points to an organisation, which must exist by then
  // even when it comes later in the file (the writer goes batch by batch).
  const alliesInOrder = [...(bundle.allies ?? [])].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'ORGANIZATION' ? -1 : 1));
  const allies = alliesInOrder.map<DesiredItem>((a) => ({
    key: a.slug,
    labels: ['Ally', a.kind === 'PERSON' ? 'Person' : 'Organization'],
    props: {
      slug: a.slug,
      name: a.name,
      sortName: foldForSort(a.name),
      searchText: searchableText([a.name, a.description]),
      kind: a.kind,
      organizationType: p(a.organizationType),
      description: p(a.description),
      website: p(a.website),
      siren: p(a.siren),
      email: p(a.email),
      // Privacy by default: a person is public only when the source says so; organisations are public.
      public: a.public ?? a.kind === 'ORGANIZATION',
      location: p(a.location),
      charterSignedOn: p(a.charterSignedOn),
    },
    rels: dedupe([
      ...(a.charterSignedOn ? charterRel({ on: a.charterSignedOn }) : []),
      ...(a.basedIn ? [rel('BASED_IN', 'out', 'Territory', a.basedIn)] : []),
      ...(a.actsIn ?? []).map((t) => rel('ACTS_IN', 'out', 'Territory', t)),
      ...(a.themes ?? []).map((t) => rel('WORKS_ON', 'out', 'Theme', t.theme, { role: t.role ?? DEFAULT_ROLES.WORKS_ON })),
      ...(persons.has(a.slug) ? affiliationsOf.get(a.slug) ?? [] : []),
    ]),
  }));

  const affiliations = [...affiliationsOf]
    .filter(([person]) => !persons.has(person))
    .map<DesiredItem>(([person, rels]) => ({ key: person, labels: ['Ally'], rels: dedupe(rels) }));

  const events = (bundle.events ?? []).map<DesiredItem>((e) => ({
    key: e.slug,
    labels: ['Event'],
    props: { slug: e.slug, title: e.title, sortTitle: foldForSort(e.title), searchText: searchableText([e.title, e.venue]), kind: p(e.kind), startsOn: p(e.startsOn), endsOn: p(e.endsOn), online: p(e.online), venue: p(e.venue) },
    rels: dedupe((e.participants ?? []).map((x) => rel('TOOK_PART_IN', 'in', 'Ally', x.ally, { role: x.role ?? DEFAULT_ROLES.TOOK_PART_IN }))),
  }));

  const chantiers = (bundle.chantiers ?? []).map<DesiredItem>((c) => ({
    key: c.slug,
    labels: ['Chantier'],
    props: {
      slug: c.slug,
      title: c.title,
      sortTitle: foldForSort(c.title),
      searchText: searchableText([c.title, c.summary]),
      summary: p(c.summary),
      kind: p(c.kind),
      status: p(c.status),
      launchedOn: p(c.launchedOn),
      validatedOn: p(c.validatedOn),
      website: p(c.website),
    },
    rels: dedupe([
      ...(c.objectives ?? []).map((o) => rel('SERVES', 'out', 'CharterObjective', o)),
      ...(c.themes ?? []).map((t) => rel('ADDRESSES', 'out', 'Theme', t)),
      ...(c.territories ?? []).map((t) => rel('LOCATED_IN', 'out', 'Territory', t)),
      ...(c.events ?? []).map((e) => rel('PRESENTED_AT', 'out', 'Event', e)),
      ...(c.participants ?? []).map((x) => rel('CONTRIBUTES_TO', 'in', 'Ally', x.ally, { role: x.role ?? DEFAULT_ROLES.CONTRIBUTES_TO, since: x.since })),
    ]),
  }));

  const resources = (bundle.resources ?? []).map<DesiredItem>((r) => ({
    key: r.slug,
    labels: ['Resource'],
    props: { slug: r.slug, title: r.title, sortTitle: foldForSort(r.title), searchText: searchableText([r.title]), kind: p(r.kind), url: p(r.url), publishedOn: p(r.publishedOn) },
    rels: dedupe([
      ...(r.authors ?? []).map((a) => rel('AUTHORED', 'in', 'Ally', a)),
      ...(r.themes ?? []).map((t) => rel('ABOUT', 'out', 'Theme', t)),
      ...(r.event ? [rel('FROM_EVENT', 'out', 'Event', r.event)] : []),
    ]),
  }));

  const communities = (bundle.communities ?? []).map<DesiredItem>((c) => ({
    key: c.slug,
    labels: ['LearningCommunity'],
    props: { slug: c.slug, name: c.name, sortName: foldForSort(c.name), description: p(c.description), searchText: searchableText([c.name, c.description]) },
    rels: dedupe([
      ...(c.themes ?? []).map((t) => rel('ABOUT', 'out', 'Theme', t)),
      ...(c.members ?? []).map((m) => rel('MEMBER_OF_COMMUNITY', 'in', 'Ally', m.ally, { role: m.role ?? DEFAULT_ROLES.MEMBER_OF_COMMUNITY })),
    ]),
  }));

  return { charter, objectives, themes, territories, allies, affiliations, events, chantiers, resources, communities };
}

/** Every territory ref a bundle mentions, canonical. */
export function referencedTerritories(bundle: Bundle): Set<string> {
  const refs = new Set<string>();
  for (const t of bundle.territories ?? []) {
    refs.add(t.ref);
    (t.parents ?? []).forEach((r) => refs.add(r));
  }
  for (const a of bundle.allies ?? []) {
    if (a.basedIn) refs.add(a.basedIn);
    (a.actsIn ?? []).forEach((r) => refs.add(r));
  }
  for (const c of bundle.chantiers ?? []) (c.territories ?? []).forEach((r) => refs.add(r));
  return refs;
}

/**
 * An official territory as desired state: official values, overridden by a bundle entry when the
 * bundle lists it (then authoritative); otherwise created when missing and never changed.
 */
export function officialTerritoryItem(o: OfficialTerritory, listed?: BundleTerritory): DesiredItem {
  return {
    key: o.ref,
    labels: ['Territory'],
    createOnly: !listed,
    props: {
      ref: o.ref,
      code: o.code,
      level: o.level,
      name: listed?.name ?? o.name,
      sortName: foldForSort(listed?.name ?? o.name),
      searchText: territorySearchText(listed?.name ?? o.name, o.level, o.code),
      population: listed?.population ?? o.population ?? null,
      center: p(listed?.center ?? officialCentre(o.ref)),
      pilot: p(listed?.pilot),
      pilotSince: p(listed?.pilotSince),
    },
    rels: dedupe((listed?.parents ?? o.parents).map((r) => rel('PART_OF', 'out', 'Territory', r))),
  };
}

/** What a territory is found by: its name, its INSEE code, and a commune's postal codes. */
function territorySearchText(name: string | undefined, level: string, code: string): string {
  return searchableText([name, code, ...(level === 'COMMUNE' ? postalCodesOf(code) : [])]);
}

/**
 * Territories: the ones the bundle lists are authoritative (official values, overridden by the
 * bundle's); every other referenced official territory, with its whole PART_OF chain, is created
 * when missing and otherwise left alone.
 */
function territoryItems(bundle: Bundle): DesiredItem[] {
  const listed = new Map((bundle.territories ?? []).map((t) => [t.ref, t]));
  const items: DesiredItem[] = [];
  const official = withAncestors(referencedTerritories(bundle));
  const officialRefs = new Set(official.map((o) => o.ref));
  for (const o of official) items.push(officialTerritoryItem(o, listed.get(o.ref)));
  const extra: DesiredItem[] = [];
  for (const t of listed.values()) {
    if (officialRefs.has(t.ref)) continue;
    const parsed = parseTerritoryRef(t.ref);
    if (!parsed.ok) throw new Error(parsed.message); // validated before
    extra.push({
      key: t.ref,
      labels: ['Territory'],
      props: {
        ref: t.ref,
        code: parsed.value.code,
        level: parsed.value.level,
        name: t.name ?? null,
        sortName: t.name ? foldForSort(t.name) : null,
        searchText: territorySearchText(t.name, parsed.value.level, parsed.value.code),
        population: p(t.population),
        center: p(t.center),
        pilot: p(t.pilot),
        pilotSince: p(t.pilotSince),
      },
      rels: dedupe((t.parents ?? []).map((r) => rel('PART_OF', 'out', 'Territory', r))),
    });
  }
  return [...items, ...parentsFirst(extra, 'PART_OF')];
}

// ---------------------------------------------------------------------------------------------
// Graph → bundle (export)

type Props = Record<string, unknown>;
const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined ? undefined : (v as T));
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const relsOf = (s: StateRow, type: string) => s.rels.filter((r) => r.type === type).sort(byKey);

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) {
    const v = o[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) delete o[k];
  }
  return o;
}

export const stateToBundle = {
  charter: (s: StateRow): NonNullable<Bundle['charter']> => compact({ slug: s.props.slug as string, title: s.props.title as string, adoptedOn: opt<string>(s.props.adoptedOn) }),
  objectives: (s: StateRow): NonNullable<Bundle['objectives']>[number] =>
    compact({ code: s.props.code as string, title: s.props.title as string, description: opt<string>(s.props.description) }),
  themes: (s: StateRow): NonNullable<Bundle['themes']>[number] =>
    compact({ slug: s.props.slug as string, name: s.props.name as string, description: opt<string>(s.props.description), parent: relsOf(s, 'SUBTHEME_OF')[0]?.key }),
  territories: (s: StateRow): NonNullable<Bundle['territories']>[number] =>
    compact({
      ref: s.props.ref as string,
      name: opt<string>(s.props.name),
      parents: relsOf(s, 'PART_OF').map((r) => r.key),
      population: opt<number>(s.props.population),
      center: opt<BundlePoint>(s.props.center),
      pilot: opt<boolean>(s.props.pilot),
      pilotSince: opt<string>(s.props.pilotSince),
    }),
  allies: (s: StateRow): NonNullable<Bundle['allies']>[number] => {
    const a = s.props as Props;
    return compact({
      slug: a.slug as string,
      name: a.name as string,
      kind: a.kind as 'ORGANIZATION' | 'PERSON',
      organizationType: opt(a.organizationType),
      description: opt<string>(a.description),
      website: opt<string>(a.website),
      siren: opt<string>(a.siren),
      email: opt<string>(a.email),
      public: opt<boolean>(a.public),
      location: opt<BundlePoint>(a.location),
      basedIn: relsOf(s, 'BASED_IN')[0]?.key,
      actsIn: relsOf(s, 'ACTS_IN').map((r) => r.key),
      charterSignedOn: opt<string>(a.charterSignedOn),
      themes: relsOf(s, 'WORKS_ON').map((r) => ({ theme: r.key, role: r.props.role as 'LEAD' | 'MEMBER' })),
    });
  },
  affiliations: (s: StateRow): NonNullable<Bundle['affiliations']> =>
    relsOf(s, 'MEMBER_OF').map((r) => compact({ person: s.key, organization: r.key, role: opt<string>(r.props.role) })),
  events: (s: StateRow): NonNullable<Bundle['events']>[number] =>
    compact({
      slug: s.props.slug as string,
      title: s.props.title as string,
      kind: opt(s.props.kind),
      startsOn: opt<string>(s.props.startsOn),
      endsOn: opt<string>(s.props.endsOn),
      online: opt<boolean>(s.props.online),
      venue: opt<string>(s.props.venue),
      participants: relsOf(s, 'TOOK_PART_IN').map((r) => ({ ally: r.key, role: r.props.role as never })),
    }),
  chantiers: (s: StateRow): NonNullable<Bundle['chantiers']>[number] =>
    compact({
      slug: s.props.slug as string,
      title: s.props.title as string,
      summary: opt<string>(s.props.summary),
      kind: opt(s.props.kind),
      status: opt(s.props.status),
      launchedOn: opt<string>(s.props.launchedOn),
      validatedOn: opt<string>(s.props.validatedOn),
      website: opt<string>(s.props.website),
      objectives: relsOf(s, 'SERVES').map((r) => r.key),
      themes: relsOf(s, 'ADDRESSES').map((r) => r.key),
      territories: relsOf(s, 'LOCATED_IN').map((r) => r.key),
      events: relsOf(s, 'PRESENTED_AT').map((r) => r.key),
      participants: relsOf(s, 'CONTRIBUTES_TO').map((r) => compact({ ally: r.key, role: r.props.role as never, since: opt<string>(r.props.since) })),
    }),
  resources: (s: StateRow): NonNullable<Bundle['resources']>[number] =>
    compact({
      slug: s.props.slug as string,
      title: s.props.title as string,
      kind: opt(s.props.kind),
      url: opt<string>(s.props.url),
      publishedOn: opt<string>(s.props.publishedOn),
      authors: relsOf(s, 'AUTHORED').map((r) => r.key),
      themes: relsOf(s, 'ABOUT').map((r) => r.key),
      event: relsOf(s, 'FROM_EVENT')[0]?.key,
    }),
  communities: (s: StateRow): NonNullable<Bundle['communities']>[number] =>
    compact({
      slug: s.props.slug as string,
      name: s.props.name as string,
      description: opt<string>(s.props.description),
      themes: relsOf(s, 'ABOUT').map((r) => r.key),
      members: relsOf(s, 'MEMBER_OF_COMMUNITY').map((r) => ({ ally: r.key, role: r.props.role as never })),
    }),
};
