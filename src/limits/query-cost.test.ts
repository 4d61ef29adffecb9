import { buildSchema, parse, validate } from 'graphql';
import { EstimateCache, estimateNodeCount } from './query-cost';
import { maxDirectivesPerFieldRule } from './query-limits';

const schema = buildSchema(`
  directive @tag(name: String) repeatable on FIELD
  type Query { items(first: Int, last: Int): ItemConnection! network(maxNodes: Int = 500): [Item!]! path(maxHops: Int!): [Item!]! nodes(ids: [ID!]!): [Item]! one: Item }
  type ItemConnection { edges: [ItemEdge!]! totalCount: Int! }
  type ItemEdge { cursor: String! node: Item! }
  type Item { name: String! tags: [String!]! children(first: Int): ItemConnection! }
`);
const cost = (q: string, variables?: Record<string, unknown>) => estimateNodeCount(schema, parse(q), variables);

describe('estimateNodeCount', () => {
  it('multiplies page sizes down the tree, default 20', () => {
    expect(cost('{ items(first: 10) { totalCount edges { cursor node { name } } } }')).toBe(10);
    expect(cost('{ items(first: 10) { edges { node { children(first: 5) { totalCount } } } } }')).toBe(10 * (1 + 5));
    expect(cost('{ items { edges { node { children { totalCount } } } } }')).toBe(20 * (1 + 20));
    expect(cost('query($n: Int) { items(last: $n) { totalCount } }', { n: 7 })).toBe(7);
  });
  it('sums aliases and fragments', () => {
    expect(cost('{ a: items(first: 3) { totalCount } b: items(first: 4) { totalCount } ...F } fragment F on Query { items(first: 5) { totalCount } }')).toBe(12);
  });
  it('counts size arguments and their schema defaults, ids, and plain lists at a bound', () => {
    expect(cost('{ network { name } }')).toBe(500);
    expect(cost('{ network(maxNodes: 2000) { tags } }')).toBe(2000 * (1 + 20));
    expect(cost('{ path(maxHops: 6) { name } }')).toBe(7);
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { name } }')).toBe(3);
    expect(cost('{ one { name } }')).toBe(0);
  });
});

describe('EstimateCache', () => {
  const counting = () => {
    const calls: string[] = [];
    const cache = new EstimateCache((document, variables, operationName) => {
      calls.push(`${operationName}:${JSON.stringify(variables)}`);
      if (variables.fail) throw new Error('too large');
      return estimateNodeCount(schema, document, variables, operationName);
    }, 2);
    return { calls, cache };
  };
  const doc = parse('query A($n: Int) { items(first: $n) { totalCount } } query B { items(first: 3) { totalCount } }');

  it('estimates a document once per operation and variables, and again when either differs', () => {
    const { calls, cache } = counting();
    expect([cache.get(doc, { n: 7 }, 'A'), cache.get(doc, { n: 7 }, 'A'), cache.get(doc, { n: 8 }, 'A'), cache.get(doc, {}, 'B')]).toEqual([7, 7, 8, 3]);
    expect(calls).toEqual(['A:{"n":7}', 'A:{"n":8}', 'B:{}']);
    // Another parse of the same text is another document: estimated again.
    expect(cache.get(parse('{ items(first: 4) { totalCount } }'), {})).toBe(4);
    expect(calls).toHaveLength(4);
  });
  it('keeps a failed estimate as NaN, and at most its bound of variable sets per document, the oldest dropped', () => {
    const { calls, cache } = counting();
    expect(cache.get(doc, { fail: true }, 'A')).toBeNaN();
    expect(cache.get(doc, { fail: true }, 'A')).toBeNaN();
    cache.get(doc, { n: 1 }, 'A');
    cache.get(doc, { n: 2 }, 'A');
    cache.get(doc, { n: 2 }, 'A');
    cache.get(doc, { n: 1 }, 'A');
    expect(calls).toEqual(['A:{"fail":true}', 'A:{"n":1}', 'A:{"n":2}']);
    cache.get(doc, { fail: true }, 'A');
    expect(calls).toHaveLength(4);
  });
});

describe('maxDirectivesPerFieldRule', () => {
  const errors = (n: number) => validate(schema, parse(`{ one { name ${'@tag '.repeat(n)} } }`), [maxDirectivesPerFieldRule(10)]);
  it('accepts 10 directives on a field and refuses 11', () => {
    expect(errors(10)).toEqual([]);
    expect(errors(11).map((e) => [e.message, e.extensions.code])).toEqual([
      ['11 directives on the field name; the limit is 10 per field: remove repeated directives', 'QUERY_TOO_COMPLEX'],
    ]);
  });
});
