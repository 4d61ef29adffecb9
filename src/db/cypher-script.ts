/**
 * Splits a .cypher script into statements on `;`, ignoring semicolons inside string literals,
 * backtick identifiers and comments. Comments are removed; empty statements dropped.
 */
export function splitCypherStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < script.length) {
    const c = script[i];
    const next = script[i + 1];
    if (c === '/' && next === '/') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 2;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < script.length && script[j] !== c) j += script[j] === '\\' && c !== '`' ? 2 : 1;
      current += script.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i += 1;
      continue;
    }
    current += c;
    i += 1;
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
