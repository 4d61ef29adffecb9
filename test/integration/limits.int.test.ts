import { startTestApiOn, TestApi, GraphQLResponse } from '../helpers/api';
import { readFixture } from '../fixtures/read-fixture';
import { Lexer, Source, TokenKind } from 'graphql';
import { ALIAS_QUERY, FRAGMENT_QUERY, ISSUE_QUERY } from '../helpers/hostile-queries';

function countTokens(doc: string): number {
  const lexer = new Lexer(new Source(doc));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n += 1;
  return n;
}

/**
 * The limits refused before execution (DESIGN §6, issue #9): each one at the limit (accepted) and
 * just past it (refused: 400, QUERY_TOO_COMPLEX, a message naming the limit and the measured value,
 * and no Cypher round trip).
 */

function expectRefused(res: GraphQLResponse, ...words: string[]) {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  expect(codes).toContain('QUERY_TOO_COMPLEX');
  const message = res.errors!.filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX').map((e) => e.message).join('\n');
  for (const w of words) expect(message).toContain(w);
  expect(res.roundTrips).toBe(0);
  return message;
}

function expectAccepted(res: GraphQLResponse) {
  expect(res.errors).toBeUndefined();
  expect(res.status).toBe(200);
  expect(res.data).toBeDefined();
}

describe('limits refused before execution', () => {
  let api: TestApi;
  // A fresh Neo4j (this suite may run first) plans the migrations and the import slowly on a loaded machine.
  beforeAll(async () => {
    api = await startTestApiOn(readFixture());
  }, 180_000);
  afterAll(() => api.close());

  it('depth ≤ 10, named fragments expanded', async () => {
    // allies 1, edges 2, node 3, chantiers 4, edges 5, node 6, chantier 7, participants 8, edges 9, cursor 10
    const at = await api.gql<{ allies: { edges: unknown[] } }>(
      '{ allies(first: 2) { edges { node { chantiers(first: 2) { edges { node { chantier { participants(first: 2) { edges { cursor } } } } } } } } } }',
    );
    expectAccepted(at);
    expect(at.data!.allies.edges).toHaveLength(2);
    const past = await api.gql(
      'fragment P on Chantier { participants(first: 2) { edges { node { role } } } } { allies(first: 2) { edges { node { chantiers(first: 2) { edges { node { chantier { ...P } } } } } } } }',
    );
    expect(expectRefused(past, 'query depth 11', 'the limit is 10')).toMatch(/fewer nested levels/);
  });

  it('aliases ≤ 20, fragments expanded', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `v${i}: version`).join(' ');
    const at = await api.gql<Record<string, string>>(`{ ${aliases(20)} }`);
    expectAccepted(at);
    expect(Object.keys(at.data!)).toHaveLength(20);
    const past = await api.gql(`fragment F on Query { ${aliases(11)} } { ...F ${Array.from({ length: 10 }, (_, i) => `w${i}: version`).join(' ')} }`);
    expectRefused(past, '21 aliases', 'the limit is 20');
  });

  it('tokens ≤ 3,000', async () => {
    // A list argument padded to the exact number of tokens (as graphql-js's lexer counts them).
    const doc = (tokens: number) => {
      const make = (n: number) => `{ allies(filter: { organizationTypes: [${Array(n).fill('ASSOCIATION').join(' ')}] }) { totalCount } }`;
      return make(tokens - countTokens(make(0)));
    };
    expect(countTokens(doc(3000))).toBe(3000);
    const at = await api.gql<{ allies: { totalCount: number } }>(doc(3000));
    expectAccepted(at);
    expect(at.data!.allies.totalCount).toBe(23);
    expectRefused(await api.gql(doc(3001)), 'more than 3,000 tokens', 'the limit is 3,000');
  });

  it('estimated node count ≤ 50,000: page sizes multiplied down the tree, aliases and fragments summed', async () => {
    // 50 × (1 + 27 × (1 + 36)) = 50,000
    const body = 'edges { node { chantiers(first: 27) { edges { node { chantier { participants(first: 36) { totalCount } } } } } } }';
    const at = await api.gql<{ allies: { edges: unknown[] } }>(`{ allies(first: 50) { ${body} } }`);
    expectAccepted(at);
    expect(at.data!.allies.edges.length).toBeGreaterThan(0);
    // One more node, in a fragment: 50,001.
    const past = await api.gql(`fragment One on Query { themes(first: 1) { totalCount } } { allies(first: 50) { ${body} } ...One }`);
    expectRefused(past, 'estimated 50,001 nodes', 'the limit is 50,000', 'ask for fewer items per page or fewer nested lists');
  });

  it('counts variables, default page sizes and plain lists at their bound', async () => {
    // allies: $n = 100; chantiers: default 20; themes: bound 10 → 100 × (1 + 20 × (1 + 1 × ... )) with themes per chantier.
    const q = 'query($n: Int) { allies(first: $n) { edges { node { themes { theme { name } } chantiers { edges { node { chantier { themes { name } } } } } } } } }';
    // 100 × (1 + 10 + 20 × (1 + 10)) = 23,100: accepted.
    expectAccepted(await api.gql(q, { n: 100 }));
    // Twice that with an alias: 46,200, accepted; three times: 69,300, refused.
    const twice = `query($n: Int) { a: allies(first: $n) { ...X } b: allies(first: $n) { ...X } }
      fragment X on AllyConnection { edges { node { themes { theme { name } } chantiers { edges { node { chantier { themes { name } } } } } } } }`;
    expectAccepted(await api.gql(twice, { n: 100 }));
    const thrice = twice.replace('b: allies(first: $n) { ...X }', 'b: allies(first: $n) { ...X } c: allies(first: $n) { ...X }');
    expectRefused(await api.gql(thrice, { n: 100 }), 'estimated 69,300 nodes');
  });

  it('directives per field ≤ the limit (here set to 2: the schema has no repeatable directive to go to 10)', async () => {
    const strict = await startTestApiOn(readFixture(), { ARCHIPEL_MAX_DIRECTIVES_PER_FIELD: '2' });
    try {
      const at = await strict.gql<{ version: string }>('{ version @include(if: true) @skip(if: false) }');
      expectAccepted(at);
      expect(typeof at.data!.version).toBe('string');
      const past = await strict.gql('{ version @include(if: true) @skip(if: false) @include(if: true) }');
      expectRefused(past, '3 directives on the field version', 'the limit is 2');
    } finally {
      await strict.close();
    }
  });

  it('refuses the queries of issue #9 before any Cypher', async () => {
    expect(Buffer.byteLength(ISSUE_QUERY)).toBe(431);
    expectRefused(await api.gql(ISSUE_QUERY), 'query depth 22', 'the limit is 10');
    expectRefused(await api.gql(FRAGMENT_QUERY), 'aliases', 'the limit is 20');
    // Its 500 aliases are also 15,000+ tokens: refused at parsing already.
    expectRefused(await api.gql(ALIAS_QUERY), 'more than 3,000 tokens');
    // Within the tokens, its aliases alone are refused.
    expectRefused(await api.gql(ALIAS_QUERY.split(' a60:')[0] + ' }'), '60 aliases', 'the limit is 20');
  });

  it('names the estimate of the issue query when only the depth is raised', async () => {
    const deep = await startTestApiOn(readFixture(), { ARCHIPEL_MAX_DEPTH: '30' });
    try {
      const message = expectRefused(await deep.gql(ISSUE_QUERY), 'the limit is 50,000');
      expect(message).toMatch(/^estimated 110,101,010,100 nodes/);
    } finally {
      await deep.close();
    }
  });

  it('full-text arguments are bounded before Lucene: BAD_USER_INPUT naming the argument', async () => {
    const text = async (t: string) => api.gql(`query($t: String) { allies(filter: { text: $t }) { totalCount } }`, { t });
    const long = await text('a'.repeat(1001));
    expect(long.data).toBeNull();
    expect(long.errors).toEqual([expect.objectContaining({ message: 'filter.text: at most 200 characters (got 1001); search for fewer or shorter words', extensions: { code: 'BAD_USER_INPUT', argument: 'filter.text' } })]);
    const many = await text(Array(1025).fill('mot').join(' '));
    expect(many.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'filter.text' }]);
    const words = await text(Array(33).fill('m').join(' '));
    expect(words.errors?.map((e) => e.message)).toEqual(['filter.text: at most 32 words (got 33); search for fewer words']);
    const atBounds = await text(`energie ${Array(31).fill('e').join(' ')}`);
    expect(atBounds.errors).toBeUndefined();
    expect(atBounds.data).toEqual({ allies: { totalCount: 1 } });
    const chantiers = await api.gql(`query($t: String) { chantiers(filter: { text: $t }) { totalCount } }`, { t: 'b'.repeat(201) });
    expect(chantiers.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'filter.text' }]);
  });
});
