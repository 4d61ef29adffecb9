import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../paths';

/**
 * Cypher lives in .cypher files under cypher/queries/<domain>/<verb-noun>.cypher, read once.
 * A repository binds a file with `cypherQuery('ally/degrees')` at module load; the registry
 * remembers every binding so a test can prove each file is bound and each binding has a file.
 *
 * Queries chosen per request shape (a page of allies from a theme, ordered by name…) are composed
 * from the fixed fragments of cypher/fragments/<file>.cypher with `composedQuery(name, parts)`:
 * never from user text, user values only ever travel as parameters. The registry keeps every
 * composed text too, so tests can EXPLAIN each shape and warm-up can plan them.
 *
 * Fragments, one mechanism with two call styles: a fragment is a whole file
 * (`network/collaboration-context`) or a section of one, `// @name` up to the next header
 * (`ally#key-degree`). TypeScript composes them with `cypherFragment(file, name)`; a .cypher
 * file, or a fragment, includes one with a line `// #include <file>` or `// #include <file>#<name>`.
 * Both read through the same cache, and includes are expanded in bound and composed texts alike.
 *
 * `@visible(x)` in any query or fragment is the privacy predicate (cypher/fragments/privacy.cypher)
 * for the variable x.
 */
/** What a query takes when its binding names no parameter type (any plain object). */
export type CypherParams = Record<string, unknown>;
/** The parameters of a query that takes none. */
export type NoParams = Record<string, never>;
/** What a query returns when its binding names no row type. */
export type CypherRow = Record<string, unknown>;

/**
 * A bound query, typed by its parameters `P` and the rows `R` it returns (STYLE 7):
 * `cypherQuery<{ slugs: string[] }, { slug: string; name: string }>('theme/by-slugs')`. Then
 * `db.read(query, params)` checks `params` against `P` (a misspelt, missing or extra parameter does
 * not compile) and returns `R[]`. A binding without types keeps the old, unchecked behaviour.
 */
export interface CypherQuery<P extends object = CypherParams, R = CypherRow> {
  readonly name: string;
  readonly text: string;
  /**
   * Parameters of the types the API sends (values that match nothing): warm-up EXPLAINs the text
   * with them, which fills Neo4j's plan cache (keyed by text and parameter types) without running it.
   */
  readonly sample?: Readonly<Record<string, unknown>>;
  /**
   * Type-level only, never set: what the query takes and returns. The parameter position makes a
   * typed query unusable where other parameters are given (contravariant), so an untyped call of
   * a typed query does not compile either.
   */
  readonly __types?: { params: (params: P) => void; row: R };
}

/** The parameter type of a bound query. */
export type ParamsOf<Q> = Q extends CypherQuery<infer P, unknown> ? P : never;
/** The row type of a bound query. */
// `any`: the params position is contravariant, so no other type matches every typed query.
export type RowOf<Q> = Q extends CypherQuery<any, infer R> ? R : never;

const queriesDir = fromRoot('cypher', 'queries');
const fragmentsDir = fromRoot('cypher', 'fragments');
const bound = new Map<string, CypherQuery>();
const composed = new Map<string, CypherQuery>();
const fragmentFiles = new Map<string, ReadonlyMap<string, string>>();

const IDENTIFIER = /^[a-z][A-Za-z0-9_]*$/;

const fragmentSources = new Map<string, string>();
const sectioning = new Set<string>();

/** The text of cypher/fragments/<file>.cypher, read once. */
function fragmentSource(file: string, from?: string): string {
  const existing = fragmentSources.get(file);
  if (existing !== undefined) return existing;
  const full = path.join(fragmentsDir, `${file}.cypher`);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    throw new Error(`${from ? `${from}: ` : ''}no Cypher fragment "${file}" (expected ${full})`);
  }
  fragmentSources.set(file, text);
  return text;
}

/** The sections of cypher/fragments/<file>.cypher, by name, comments dropped, includes expanded. */
export function cypherFragments(file: string): ReadonlyMap<string, string> {
  const existing = fragmentFiles.get(file);
  if (existing) return existing;
  if (sectioning.has(file)) throw new Error(`cypher/fragments/${file}.cypher: a section includes its own file (a cycle)`);
  sectioning.add(file);
  const sections = new Map<string, string>();
  try {
    let name: string | undefined;
    let lines: string[] = [];
    const flush = () => {
      if (name !== undefined) sections.set(name, expandIncludes(lines.join('\n'), `cypher/fragments/${file}.cypher`).trim());
    };
    for (const line of fragmentSource(file).split('\n')) {
      const header = /^\/\/ @([a-z0-9-]+)\s*$/.exec(line);
      if (header) {
        flush();
        name = header[1];
        lines = [];
      } else if (name !== undefined && (INCLUDE_LINE.test(line) || !/^\s*\/\//.test(line))) {
        lines.push(line);
      }
    }
    flush();
  } finally {
    sectioning.delete(file);
  }
  fragmentFiles.set(file, sections);
  return sections;
}

/** A named section of a fragments file; throws at load time when it is missing. */
export function cypherFragment(file: string, name: string): string {
  const text = cypherFragments(file).get(name);
  if (text === undefined) throw new Error(`no Cypher fragment "${name}" in cypher/fragments/${file}.cypher`);
  return text;
}

/** The privacy predicate for a variable of the query (a fixed identifier, never user text). */
export function visible(variable: string): string {
  if (!IDENTIFIER.test(variable)) throw new Error(`@visible(${variable}): not a Cypher variable`);
  return cypherFragment('privacy', 'visible').replace(/\bnode\b/g, variable);
}

/** Writes the privacy predicate wherever a text says @visible(variable). */
export function expandMacros(text: string): string {
  return text.replace(/@visible\(([^)]*)\)/g, (_m, v: string) => visible(v.trim()));
}

/** The path and text of cypher/queries/<name>.cypher. */
function querySource(name: string): [string, string] {
  const file = path.join(queriesDir, `${name}.cypher`);
  try {
    return [file, readFileSync(file, 'utf8')];
  } catch {
    throw new Error(`no Cypher file for query "${name}" (expected ${file})`);
  }
}

/**
 * The text sent to Neo4j: lines that are only comments dropped, each line's indentation removed
 * (Cypher ignores both). Every request sends its query's text, so the files' header comments and
 * indentation were a third of the bytes of the busiest queries, and a Bolt message over ~1,400 bytes
 * is written to the socket in more than one piece (neo4j-driver's chunk buffer). Runs after includes,
 * #where and macros are expanded, so directives are never dropped.
 */
export function compactCypher(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('//'))
    .join('\n');
}

export function cypherQuery<P extends object = CypherParams, R = CypherRow>(name: string, sample?: NoInfer<P>): CypherQuery<P, R> {
  const existing = bound.get(name);
  if (existing) return existing as CypherQuery<P, R>;
  const [file, text] = querySource(name);
  const query: CypherQuery<P, R> = Object.freeze({ name, text: compactCypher(expandMacros(expandWhere(expandIncludes(text, file), file, null))), sample: sample as CypherParams | undefined });
  bound.set(name, query as CypherQuery);
  return query;
}

/**
 * One text per set of conditions present (STYLE 7), from a query file with `// #where <file>` lines
 * (its own, or those of a fragment it includes whole):
 * each becomes `WHERE` and the conditions of cypher/fragments/<file>.cypher joined by AND — its
 * section `always` if it has one, then the sections named in `present`, in the file's order (`WHERE
 * true` when none). The file bound as it is (`cypherQuery(name)`) has every condition: that is what
 * the file tests EXPLAIN and the privacy test reads. A condition absent from a shape is absent from
 * its text, so Neo4j plans each shape for what it filters (a catch-all `$x IS NULL OR …` guard is
 * evaluated on every row). Only the shape without conditions carries the warm-up sample.
 */
export function shapedQuery<P extends object = CypherParams, R = CypherRow>(name: string, present: readonly string[], sample?: NoInfer<P>): CypherQuery<P, R> {
  cypherQuery<P, R>(name); // the file with every condition is bound too (file tests, privacy test)
  const [file, raw] = querySource(name);
  const source = expandIncludes(raw, file); // a #where line may come from an included fragment
  const files = [...source.matchAll(WHERE)].map((m) => m[2]);
  if (!files.length) throw new Error(`${name}: shapedQuery needs a // #where line in ${file}`);
  for (const c of present) {
    if (!files.some((f) => cypherFragments(f).has(c))) throw new Error(`${name}: no condition "${c}" in ${files.map((f) => `cypher/fragments/${f}.cypher`).join(' or ')}`);
  }
  const ordered = [...new Set(files.flatMap((f) => [...cypherFragments(f).keys()]))].filter((c) => present.includes(c));
  const shape = `${name}/where-${ordered.join('+') || 'none'}`;
  const existing = composed.get(shape);
  if (existing) return existing as CypherQuery<P, R>;
  const text = compactCypher(expandMacros(expandWhere(source, file, new Set(ordered))));
  const query: CypherQuery<P, R> = Object.freeze({ name: shape, text, sample: ordered.length ? undefined : (sample as CypherParams | undefined) });
  composed.set(shape, query as CypherQuery);
  return query;
}

const WHERE = /^([ \t]*)\/\/ #where ([a-z0-9/-]+)[ \t]*$/gm;

/** Writes each `// #where <file>` line (see shapedQuery) with the conditions present, or every one (`null`). */
function expandWhere(text: string, from: string, present: ReadonlySet<string> | null): string {
  return text.replace(WHERE, (_line, indent: string, file: string) => {
    const sections = cypherFragments(file);
    if (!sections.size) throw new Error(`${from}: cypher/fragments/${file}.cypher has no // @condition sections for #where`);
    const conditions = [...sections].filter(([c]) => c === 'always' || present === null || present.has(c)).map(([, body]) => body);
    const lines = `WHERE ${conditions.length ? conditions.join('\n  AND ') : 'true'}`.split('\n');
    return lines.map((l) => (l ? indent + l : l)).join('\n');
  });
}

/**
 * A query composed from fixed fragments (see the module comment), made once per name and kept.
 * `parts` must only ever be fragments and fixed keywords; the name says which shape it is.
 */
export function composedQuery<P extends object = CypherParams, R = CypherRow>(
  name: string,
  parts: () => string[],
  sample?: NoInfer<P>,
): CypherQuery<P, R> {
  const existing = composed.get(name);
  if (existing) return existing as CypherQuery<P, R>;
  const text = compactCypher(expandMacros(expandIncludes(parts().filter((p) => p.length > 0).join('\n'), `composed query ${name}`)));
  const query: CypherQuery<P, R> = Object.freeze({ name, text, sample: sample as CypherParams | undefined });
  composed.set(name, query as CypherQuery);
  return query;
}

/**
 * A variant of cypher/queries/<name>.cypher with some of its includes replaced by other fixed
 * fragments (`replace`: what the line includes, `<file>` or `<file>#<section>` → the fragment's
 * text), e.g. the parent node found by one label's index rather than by a union over every label.
 * One text per variant, named `<name>/<variant>`, kept with the composed queries; it carries the
 * file's warm-up sample.
 */
export function variantQuery<P extends object = CypherParams, R = CypherRow>(name: string, variant: string, replace: Readonly<Record<string, string>>): CypherQuery<P, R> {
  const shape = `${name}/${variant}`;
  const existing = composed.get(shape);
  if (existing) return existing as CypherQuery<P, R>;
  const base = cypherQuery<P, R>(name);
  const [file, raw] = querySource(name);
  let source = raw;
  for (const [target, text] of Object.entries(replace)) {
    if (!/^[a-z0-9/-]+(#[a-z0-9-]+)?$/.test(target)) throw new Error(`${shape}: "${target}" is not a fragment name`);
    const line = new RegExp(`^([ \\t]*)// #include ${target}[ \\t]*$`, 'gm');
    const replaced = source.replace(line, (_l, indent: string) => indented(text, indent));
    if (replaced === source) throw new Error(`${shape}: ${file} has no line "// #include ${target}" to replace`);
    source = replaced;
  }
  const query: CypherQuery<P, R> = Object.freeze({ name: shape, text: compactCypher(expandMacros(expandWhere(expandIncludes(source, file), file, null))), sample: base.sample });
  composed.set(shape, query as CypherQuery);
  return query;
}

const INCLUDE = /^([ \t]*)\/\/ #include ([a-z0-9/-]+)(?:#([a-z0-9-]+))?[ \t]*$/gm;
const INCLUDE_LINE = /^[ \t]*\/\/ #include [a-z0-9/-]+(?:#[a-z0-9-]+)?[ \t]*$/;

/**
 * Replaces each line `// #include <file>` with the fixed fragment cypher/fragments/<file>.cypher,
 * and each `// #include <file>#<name>` with its section `// @name` (see the module comment),
 * indented like the directive, so that a definition shared by several queries — the
 * collaboration context — is written once. Fragments are reviewed Cypher, never user input; the
 * bound text is what runs and what the EXPLAIN test compiles. Included fragments may include
 * others (a cycle is refused).
 */
function expandIncludes(text: string, from: string, depth = 0): string {
  if (depth > 8) throw new Error(`${from}: #include nested more than 8 deep (a cycle?)`);
  return text.replace(INCLUDE, (_line, indent: string, file: string, section: string | undefined) => {
    const body =
      section === undefined
        ? expandIncludes(fragmentSource(file, from), `cypher/fragments/${file}.cypher`, depth + 1)
        : cypherFragments(file).get(section);
    if (body === undefined) throw new Error(`${from}: no Cypher fragment "${section}" in cypher/fragments/${file}.cypher`);
    return indented(body, indent);
  });
}

/** A fragment's lines, each non-empty one indented like the directive it replaces. */
function indented(text: string, indent: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => (l ? indent + l : l))
    .join('\n');
}

export function boundQueries(): CypherQuery[] {
  return [...bound.values()];
}

/** Every composed query made so far in this process. */
export function composedQueries(): CypherQuery[] {
  return [...composed.values()];
}

/** Every query name that has a file (cypher/queries/a/b.cypher → "a/b"). */
export function queryFiles(dir = queriesDir, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...queryFiles(full, `${prefix}${entry}/`));
    else if (entry.endsWith('.cypher')) out.push(`${prefix}${entry.slice(0, -'.cypher'.length)}`);
  }
  return out.sort();
}
