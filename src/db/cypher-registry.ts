import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../paths';

/**
 * Cypher lives in .cypher files under cypher/queries/<domain>/<verb-noun>.cypher, read once.
 * A repository binds a file with `cypherQuery('ally/find-allies')` at module load; the registry
 * remembers every binding so a test can prove each file is bound and each binding has a file.
 */
export interface CypherQuery {
  readonly name: string;
  readonly text: string;
}

const queriesDir = fromRoot('cypher', 'queries');
const bound = new Map<string, CypherQuery>();

export function cypherQuery(name: string): CypherQuery {
  const existing = bound.get(name);
  if (existing) return existing;
  const file = path.join(queriesDir, `${name}.cypher`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`no Cypher file for query "${name}" (expected ${file})`);
  }
  const query = Object.freeze({ name, text: expandIncludes(text, file).trim() });
  bound.set(name, query);
  return query;
}

const fragmentsDir = fromRoot('cypher', 'fragments');
const INCLUDE = /^([ \t]*)\/\/ #include ([a-z0-9/-]+)[ \t]*$/gm;

/**
 * Replaces each line `// #include <name>` with the fixed fragment cypher/fragments/<name>.cypher
 * (indented like the directive), so that a definition shared by several queries — the collaboration
 * context — is written once. Fragments are reviewed Cypher, never user input; the bound text is what
 * runs and what the EXPLAIN test compiles.
 */
function expandIncludes(text: string, file: string): string {
  return text.replace(INCLUDE, (_line, indent: string, fragment: string) => {
    let body: string;
    try {
      body = readFileSync(path.join(fragmentsDir, `${fragment}.cypher`), 'utf8');
    } catch {
      throw new Error(`${file}: no Cypher fragment "${fragment}" (expected ${path.join(fragmentsDir, `${fragment}.cypher`)})`);
    }
    return body
      .trimEnd()
      .split('\n')
      .map((l) => (l ? indent + l : l))
      .join('\n');
  });
}

export function boundQueries(): CypherQuery[] {
  return [...bound.values()];
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
