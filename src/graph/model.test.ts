import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { fromRoot } from '../paths';
import { ENUMS, LABELS, RELATIONSHIPS, RELATIONSHIP_TYPES, SHORT_OUT_TYPES, PAGED_OUT_TYPES, labelModel, ownedTypes, type EnumName } from './model';
import { SPECS, IMPORT_ORDER, bundleToItems } from '../modules/bundle/bundle-codec';
import { generateSyntheticBundle } from '../modules/bundle/synthetic';

/** A JSON Schema node, as much as these checks read of it. */
interface Node {
  type?: string;
  $ref?: string;
  enum?: string[];
  required?: string[];
  properties?: Record<string, Node>;
  items?: Node;
}

const bundleSchema = JSON.parse(readFileSync(fromRoot('schema', 'bundle.schema.json'), 'utf8')) as Node;
const graphqlSchema = buildSchema(readFileSync(fromRoot('schema', 'schema.graphql'), 'utf8'));

/** The object schema of one entry of a bundle collection (`charter` is one object, the others arrays). */
function entry(collection: string): Node {
  const node = bundleSchema.properties?.[collection];
  if (!node) throw new Error(`bundle.schema.json has no "${collection}"`);
  return node.type === 'array' ? node.items ?? {} : node;
}

/** The enum of a schema property, looking through arrays of objects to their `role`. */
function enumAt(node: Node | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.enum) return node.enum;
  const item = node.type === 'array' ? node.items : node;
  return item?.properties?.role?.enum;
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('the graph model agrees with schema/bundle.schema.json', () => {
  it.each(LABELS.map((l) => [l.label, l] as const))('%s: its collection lists entries keyed by its key', (_name, model) => {
    const node = bundleSchema.properties?.[model.collection];
    expect(node?.type).toBe(model.collection === 'charter' ? 'object' : 'array');
    const item = entry(model.collection);
    expect(item.required).toContain(model.key);
    expect(item.properties?.[model.key]).toBeDefined();
  });

  it('lists every collection of the schema that holds nodes (affiliations are MEMBER_OF relationships)', () => {
    const collections = Object.keys(bundleSchema.properties ?? {}).filter((k) => !['format', 'version', 'affiliations'].includes(k));
    expect(sorted(collections)).toEqual(sorted(LABELS.map((l) => l.collection)));
  });

  const enumProperties = LABELS.flatMap((l) =>
    Object.entries(l.enums)
      .filter(([property]) => !(l.label === 'Territory' && property === 'level')) // computed on import, not in a bundle
      .map(([property, name]) => [`${l.collection}[].${property}`, l.collection, property, name] as const),
  );
  it.each(enumProperties)('%s holds the model enum', (_where, collection, property, name) => {
    expect(entry(collection).properties?.[property]?.enum).toEqual([...ENUMS[name as EnumName]]);
  });

  const listed = RELATIONSHIPS.filter((r) => r.bundleField !== null);
  it.each(listed.map((r) => [`${r.type} (${r.from} → ${r.to})`, r] as const))('%s is listed where the model says', (_name, r) => {
    const owner = labelModel(r.owner === 'from' ? r.from : r.to);
    const field = entry(owner.collection).properties?.[r.bundleField as string];
    expect(field).toBeDefined();
    if (r.roleEnum) expect(enumAt(field)).toEqual([...ENUMS[r.roleEnum]]);
    else expect(enumAt(field)).toBeUndefined();
  });

  it('has the MEMBER_OF roles free-form, as the affiliations of the schema', () => {
    expect(entry('affiliations').properties?.role?.type).toBe('string');
    expect(RELATIONSHIPS.find((r) => r.type === 'MEMBER_OF')?.roleEnum).toBeUndefined();
  });
});

describe('the graph model agrees with the GraphQL schema', () => {
  // CommunityRole is no GraphQL enum: GraphQL gives a community member's role as a ThemeRole (the same LEAD, MEMBER).
  const notInGraphql = ['CommunityRole'];
  it.each(Object.keys(ENUMS).filter((n) => !notInGraphql.includes(n)))('enum %s has the model values', (name) => {
    const type = graphqlSchema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect(sorted((type as GraphQLEnumType).getValues().map((v) => v.name))).toEqual(sorted(ENUMS[name as EnumName]));
  });
  it.each(notInGraphql)('%s is still no GraphQL enum (when it becomes one, check it above)', (name) => {
    expect(graphqlSchema.getType(name)).toBeUndefined();
  });
});

describe('what derives from the model', () => {
  it('gives the bundle codec its specs: keys, owned relationships, kind labels, import order', () => {
    expect(IMPORT_ORDER).toEqual(['charter', 'objectives', 'themes', 'territories', 'allies', 'events', 'chantiers', 'resources', 'communities']);
    // The lists the codec kept by hand before the model existed: the derivation must give them back.
    expect(SPECS.allies).toMatchObject({ label: 'Ally', keyProp: 'slug', outTypes: ['SIGNED', 'BASED_IN', 'ACTS_IN', 'WORKS_ON', 'MEMBER_OF'], inTypes: [], managedLabels: ['Organization', 'Person'] });
    expect(SPECS.chantiers).toMatchObject({ outTypes: ['SERVES', 'ADDRESSES', 'LOCATED_IN', 'PRESENTED_AT'], inTypes: ['CONTRIBUTES_TO'] });
    expect(SPECS.events).toMatchObject({ outTypes: [], inTypes: ['TOOK_PART_IN'] });
    expect(SPECS.resources).toMatchObject({ outTypes: ['ABOUT', 'FROM_EVENT'], inTypes: ['AUTHORED'] });
    expect(SPECS.communities).toMatchObject({ outTypes: ['ABOUT'], inTypes: ['MEMBER_OF_COMMUNITY'] });
    expect(SPECS.objectives).toMatchObject({ keyProp: 'code', outTypes: ['OBJECTIVE_OF'] });
    expect(SPECS.territories).toMatchObject({ keyProp: 'ref', outTypes: ['PART_OF'] });
    expect(SPECS.themes).toMatchObject({ outTypes: ['SUBTHEME_OF'] });
    expect(SPECS.charter).toMatchObject({ outTypes: [], inTypes: [] });
  });

  it('imports every label after the labels its owned relationships point to', () => {
    const position = new Map(LABELS.map((l, i) => [l.label, i]));
    for (const r of RELATIONSHIPS) {
      const [owner, other] = r.owner === 'from' ? [r.from, r.to] : [r.to, r.from];
      expect([r.type, position.get(other)! <= position.get(owner)!]).toEqual([r.type, true]);
    }
  });

  it('owns every relationship exactly once', () => {
    const owned = LABELS.flatMap((l) => {
      const o = ownedTypes(l.label);
      return [...o.out.map((t) => `${t} out of ${l.label}`), ...o.in.map((t) => `${t} into ${l.label}`)];
    });
    expect(new Set(owned).size).toBe(owned.length);
    expect(sorted([...new Set(owned.map((o) => o.split(' ')[0]))])).toEqual(sorted(RELATIONSHIP_TYPES));
  });

  it('splits outgoing lists into short and paged: only CONTRIBUTES_TO pages', () => {
    expect(PAGED_OUT_TYPES).toEqual(['CONTRIBUTES_TO']);
    expect(sorted([...SHORT_OUT_TYPES, ...PAGED_OUT_TYPES])).toEqual(sorted(RELATIONSHIP_TYPES));
  });
});

describe('the stored sort key of a label', () => {
  it.each(LABELS.filter((l) => l.sortKey !== null).map((l) => [l.label, l] as const))('%s: the bundle codec writes it on every node (relation pages order by it)', (_name, model) => {
    const items = bundleToItems(generateSyntheticBundle({ allies: 60, seed: 3 }), { charterSlug: 'charte' });
    const nodes = Object.values(items).flat().filter((i) => i.labels.includes(model.label) && i.props);
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(typeof n.props![model.sortKey!] === 'string' && (n.props![model.sortKey!] as string).length > 0).toBe(true);
  });
});
