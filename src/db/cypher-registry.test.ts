import { compactCypher, cypherQuery, composedQuery, cypherFragment, cypherFragments, shapedQuery, variantQuery, visible, type CypherQuery, type ParamsOf, type RowOf } from './cypher-registry';
import type { Database } from './database';
import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths';

/**
 * Compile-time tests: `npm run typecheck` (tsc over src/) fails when a `@ts-expect-error` below
 * stops being an error, i.e. when a misspelt parameter or row field would compile again.
 * The functions are never called (no database here): only their types matter.
 */
interface FindCharterParams {
  slug: string;
}
interface CharterRow {
  title: string;
}
const typed = cypherQuery<FindCharterParams, CharterRow>('charter/find-charter');
const untyped = cypherQuery('charter/list-objectives');

export async function compileTimeChecks(db: Database): Promise<void> {
  const rows = await db.read(typed, { slug: 'charte' });
  const title: string = rows[0].title;
  void title;
  await db.write(typed, { slug: 'charte' });

  // @ts-expect-error a misspelt parameter does not compile
  await db.read(typed, { slgu: 'charte' });
  // @ts-expect-error nor does a missing one
  await db.read(typed, {});
  // @ts-expect-error nor an extra one
  await db.read(typed, { slug: 'charte', limit: 3 });
  // @ts-expect-error nor a parameter of the wrong type
  await db.read(typed, { slug: 42 });
  // @ts-expect-error nor a row field the query does not return
  void rows[0].titel;
  // @ts-expect-error a typed query cannot be read as an untyped one, with other parameters
  await db.read<{ whatever: number }>(typed, { anything: 1 });

  // Untyped bindings keep compiling as before: any parameters, the row type the caller names.
  const loose = await db.read<{ code: string }>(untyped, { whatever: true });
  const code: string = loose[0].code;
  void code;
  await db.read(untyped);

  // Composed queries take the same types.
  const shape = composedQuery<{ limit: number }, { id: string }>('test/typed-shape', () => ['RETURN $limit AS id']);
  const ids: string[] = (await db.read(shape, { limit: 1 })).map((r) => r.id);
  void ids;
  // @ts-expect-error a composed query's parameters are checked too
  await db.read(shape, { limt: 1 });

  const p: ParamsOf<typeof typed> = { slug: 'x' };
  const r: RowOf<typeof typed> = { title: 'x' };
  const q: CypherQuery = untyped;
  void [p, r, q];
}

describe('typed Cypher bindings', () => {
  it('bind a file once, whatever the types they are given', () => {
    expect(typed).toBe(cypherQuery('charter/find-charter'));
    expect(typed.text).toContain('Charter');
    expect(typeof compileTimeChecks).toBe('function');
  });
});

describe('fragments', () => {
  it('read the named sections of a fragments file', () => {
    expect(cypherFragments('privacy').get('visible')).toBe(cypherFragment('privacy', 'visible'));
    expect(() => cypherFragment('privacy', 'no-such-section')).toThrow('no Cypher fragment "no-such-section"');
  });
});

const noParams = cypherQuery<Record<string, never>, { node: { slug: string } }>('charter/list-objectives');
export async function noParamsChecks(db: Database): Promise<void> {
  const rows = await db.read(noParams);
  const slug: string = rows[0].node.slug;
  void slug;
  // @ts-expect-error a query without parameters takes none
  await db.read(noParams, { code: 'x' });
}

describe('one include mechanism', () => {
  it('includes a section with // #include <file>#<name>, exactly as cypherFragment gives it, indented like the directive', () => {
    const q = composedQuery('test/include-section', () => ['MATCH (node:Ally)', 'WHERE', '  // #include privacy#visible', 'RETURN node']);
    const indented = cypherFragment('privacy', 'visible')
      .split('\n')
      .map((l) => (l ? `  ${l}` : l))
      .join('\n');
    expect(q.text).toBe(compactCypher(`MATCH (node:Ally)\nWHERE\n${indented}\nRETURN node`));
  });

  it('includes a whole fragment file with // #include <file>, in composed queries as in bound files', () => {
    const q = composedQuery('test/include-file', () => ['MATCH (a:Ally)', 'CALL (a) {', '  // #include network/collaboration-context', '}', 'RETURN b, via']);
    expect(q.text).toContain('UNION ALL');
    const directive = /^\s*\/\/ #include /m;
    expect(q.text).not.toMatch(directive);
    // The same expansion the network module's bound files get.
    expect(cypherQuery('network/collaborators-page').text).toContain('UNION ALL');
    expect(cypherQuery('network/collaborators-page').text).not.toMatch(directive);
  });

  it('refuses an include of a section or file that does not exist, naming where it was asked', () => {
    expect(() => composedQuery('test/include-missing-section', () => ['// #include privacy#nope'])).toThrow(
      'composed query test/include-missing-section: no Cypher fragment "nope" in cypher/fragments/privacy.cypher',
    );
    expect(() => composedQuery('test/include-missing-file', () => ['// #include nowhere/nothing'])).toThrow('no Cypher fragment "nowhere/nothing"');
  });
});

describe('variants of a bound file (variantQuery)', () => {
  it('replace a whole-file include by the fragment given, and keep the rest and the sample of the file', () => {
    const base = cypherQuery('node/related-count-out');
    const q = variantQuery('node/related-count-out', 'test-one-label', { 'node/parent': 'MATCH (p:Theme {id: ask.id}) RETURN p' });
    expect(q.name).toBe('node/related-count-out/test-one-label');
    expect(base.text).toContain('UNION MATCH (p:Territory');
    expect(q.text).not.toContain('UNION');
    expect(q.text).toBe(base.text.replace(/MATCH \(p:Ally[^]*?LearningCommunity' RETURN p/, 'MATCH (p:Theme {id: ask.id}) RETURN p'));
    expect(q.sample).toBe(base.sample);
    expect(variantQuery('node/related-count-out', 'test-one-label', {})).toBe(q);
  });

  it('replace an include of a section the same way', () => {
    const base = cypherQuery('node/by-keys');
    const q = variantQuery('node/by-keys', 'test-section', { 'node/by-keys#find-any': 'UNWIND $keys AS key\nMATCH (n:Theme {slug: key})' });
    expect(base.text).toContain('UNION MATCH (n:Territory {ref: key})');
    expect(q.text).toBe(base.text.replace(/UNWIND \$keys AS key\nCALL \(key\) \{[^]*?LearningCommunity' RETURN n\n\}/, 'UNWIND $keys AS key\nMATCH (n:Theme {slug: key})'));
  });

  it('refuses a file without the include named, and a name that is not a fragment name', () => {
    expect(() => variantQuery('node/by-ids', 'test-none', { 'node/parent': 'RETURN 1' })).toThrow('has no line "// #include node/parent" to replace');
    expect(() => variantQuery('node/related-out', 'test-bad', { 'node/parent) {': 'RETURN 1' })).toThrow('is not a fragment name');
  });
});

describe('one text per set of conditions present (shapedQuery, // #where)', () => {
  const themes = cypherFragment('network/ally-filter', 'themes');
  const territory = cypherFragment('network/ally-filter', 'territory');
  const kinds = cypherFragment('network/ally-filter', 'kinds');

  it('writes privacy and only the conditions named, joined by AND, for each #where line of the file', () => {
    const bare = shapedQuery('stats/territory-stats', []);
    expect(bare.name).toBe('stats/territory-stats/where-none');
    expect(bare.text).toContain(`WHERE ${visible('a')}\n`);
    expect(bare.text).toContain('WHERE true');
    for (const c of [themes, territory, kinds]) expect(bare.text).not.toContain(c);
    expect(bare.text).not.toMatch(/#where/);

    const some = shapedQuery('stats/territory-stats', ['themes', 'kinds']);
    expect(some.name).toBe('stats/territory-stats/where-kinds+themes');
    expect(some.text).toContain(compactCypher(`WHERE ${visible('a')}\n      AND ${kinds}\n      AND ${themes}`));
    expect(some.text).toContain(compactCypher(`WHERE ${cypherFragment('network/chantier-filter', 'themes')}`));
    expect(some.text).not.toContain(territory);
  });

  it('writes the #where lines of a fragment the file includes whole (stats/territory-counts)', () => {
    const raw = readFileSync(fromRoot('cypher', 'queries', 'stats', 'territory-stats-by-level.cypher'), 'utf8');
    expect(raw).not.toMatch(/#where/);
    const q = shapedQuery('stats/territory-stats-by-level', ['kinds']);
    expect(q.text).toContain(compactCypher(`WHERE ${visible("a")}\n      AND ${kinds}`));
    expect(q.text).not.toContain(themes);
    expect(q.text).not.toMatch(/^\s*\/\/ #(where|include) /m);
    expect(cypherQuery('stats/territory-stats-by-level').text).toContain(themes);
  });

  it('makes one query per shape, whatever the order the conditions are named in', () => {
    expect(shapedQuery('network/allies-all', ['territory', 'themes'])).toBe(shapedQuery('network/allies-all', ['themes', 'territory']));
    expect(shapedQuery('network/allies-all', ['themes'])).not.toBe(shapedQuery('network/allies-all', ['territory']));
  });

  it('binds the file itself with every condition (what the file tests EXPLAIN and the privacy test reads)', () => {
    const full = cypherQuery('stats/theme-stats').text;
    for (const c of [themes, territory, kinds, cypherFragment('network/chantier-filter', 'chantier')]) expect(full).toContain(c);
    expect(full).not.toMatch(/IS NULL OR EXISTS \{ \(a\)/);
  });

  it('refuses a condition no #where file of the query has, and a file without #where', () => {
    expect(() => shapedQuery('stats/theme-stats', ['colour'])).toThrow('stats/theme-stats: no condition "colour" in cypher/fragments/network/ally-filter.cypher or cypher/fragments/network/chantier-filter.cypher');
    expect(() => shapedQuery('charter/find-charter', [])).toThrow('shapedQuery needs a // #where line');
  });
});

describe('the text sent to Neo4j', () => {
  it('drops comment lines and indentation, keeps every statement line in order', () => {
    expect(compactCypher('// header\n  MATCH (a:Ally)\n\n  // a note\n    WHERE a.x = \'// not a comment\' // trailing\nRETURN a\n')).toBe(
      "MATCH (a:Ally)\nWHERE a.x = '// not a comment' // trailing\nRETURN a",
    );
  });

  it('is what bound files, shapes and composed queries carry: no comment line, no indentation', () => {
    for (const q of [cypherQuery('node/related-out'), shapedQuery('stats/territory-stats', ['themes']), composedQuery('test/compact', () => ['  // x', '  MATCH (n)', '    RETURN n'])]) {
      expect(q.text.split('\n').filter((l) => l.startsWith('//') || /^\s/.test(l) || l === '')).toEqual([]);
    }
    expect(cypherQuery('node/related-out').text.length).toBeLessThan(2600); // was 3,981 bytes with its comments and indentation
  });
});
