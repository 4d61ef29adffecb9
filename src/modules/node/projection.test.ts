import { buildSchema, execute, GraphQLResolveInfo, parse } from 'graphql';
import { nodeRow, propsOfTrees, relRow, selectedProps, selectedRelProps } from './projection';

/** A small schema with the shapes of the real one, to read resolve infos from real executions. */
const schema = buildSchema(`
  interface Node { id: ID! }
  type Territory implements Node { id: ID! ref: String! name: String! level: String! population: Int }
  type Theme implements Node { id: ID! slug: String! name: String! }
  type AllyTheme { role: String! theme: Theme! }
  type Chantier implements Node { id: ID! slug: String! title: String! status: String }
  type Contribution { role: String! since: String ally: Ally! chantier: Chantier! }
  type ContributionEdge { cursor: String! node: Contribution! }
  type ContributionConnection { edges: [ContributionEdge!]! totalCount: Int! }
  type Ally implements Node { id: ID! slug: String! name: String! kind: String! email: String createdAt: String
    basedIn: Territory themes: [AllyTheme!]! chantiers(first: Int): ContributionConnection! collaborators: [Ally!]! }
  type Query { ally(slug: String!): Ally node(id: ID!): Node }
`);

function infoOf(query: string, variables: Record<string, unknown> = {}): GraphQLResolveInfo {
  let captured: GraphQLResolveInfo | undefined;
  execute({
    schema,
    document: parse(query),
    variableValues: variables,
    rootValue: { ally: (_a: unknown, _c: unknown, info: GraphQLResolveInfo) => { captured = info; return null; } },
  });
  if (!captured) throw new Error('the resolver was not called');
  return captured;
}

describe('selectedProps', () => {
  it('reads the stored properties of the selected fields, with the keys, through the whitelist', () => {
    const info = infoOf('{ ally(slug: "x") { slug name kind basedIn { ref name } themes { role theme { name } } } }');
    expect(selectedProps(info, 'Ally')).toEqual(['kind', 'name', 'slug']);
    expect(selectedProps(info, 'Territory', ['basedIn'])).toEqual(['code', 'level', 'name', 'ref']);
    expect(selectedProps(info, 'Theme', ['themes', 'theme'])).toEqual(['name', 'slug']);
  });

  it('follows fragments, inline fragments, aliases and @include', () => {
    const q = `query Q($more: Boolean!) { ally(slug: "x") { ...F n: name ... on Ally { email @include(if: $more) } createdAt @skip(if: true) } }
      fragment F on Ally { kind }`;
    expect(selectedProps(infoOf(q, { more: true }), 'Ally')).toEqual(['email', 'kind', 'name', 'slug']);
    expect(selectedProps(infoOf(q, { more: false }), 'Ally')).toEqual(['kind', 'name', 'slug']);
  });

  it('reads every property when a field is not in the whitelist, or when a nested object is the parent again', () => {
    expect(selectedProps(infoOf('{ ally(slug: "x") { name collaborators { slug } } }'), 'Ally')).toBeNull();
    expect(selectedProps(infoOf('{ ally(slug: "x") { name chantiers(first: 2) { edges { node { ally { email } } } } } }'), 'Ally')).toBeNull();
    expect(selectedProps(infoOf('{ ally(slug: "x") { name chantiers(first: 2) { edges { node { chantier { title } } } } } }'), 'Ally')).toEqual(['name', 'slug']);
    expect(selectedProps(undefined, 'Ally')).toBeNull();
  });

  it('asks for a relationship property only when selected', () => {
    expect(selectedRelProps(infoOf('{ ally(slug: "x") { chantiers { edges { node { role since } } } } }'), ['chantiers', 'edges', 'node'])).toEqual(['role', 'since']);
    expect(selectedRelProps(infoOf('{ ally(slug: "x") { chantiers { edges { node { role } } } } }'), ['chantiers', 'edges', 'node'])).toEqual(['role']);
  });

  it('reads every property of a label without a whitelist', () => {
    expect(propsOfTrees('Event', [])).toBeNull();
  });
});

describe('nodeRow', () => {
  it('zips the projected values with the property list, keeping id, labels and extra keys', () => {
    expect(nodeRow({ id: 'i', _eid: 'e', _labels: ['Ally'], _all: null, _values: ['n', 's'], degree: 3 }, ['name', 'slug']))
      .toEqual({ id: 'i', _eid: 'e', _labels: ['Ally'], name: 'n', slug: 's', degree: 3 });
  });

  it('spreads every property when the list is null', () => {
    expect(nodeRow({ id: 'i', _eid: 'e', _labels: ['Ally'], _all: { id: 'i', name: 'n', email: null }, _values: [] }, null))
      .toEqual({ id: 'i', _eid: 'e', _labels: ['Ally'], name: 'n', email: null });
  });

  it('names relationship values', () => {
    expect(relRow(['REFERENT', null], ['role', 'since'])).toEqual({ role: 'REFERENT', since: null });
  });
});
