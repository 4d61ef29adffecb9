import type { GraphQLResponse } from './api';

/**
 * STYLE 14: a test proves something only if it can fail. `expectData` asserts that a GraphQL
 * response carries no `errors`, that `data` came back, and that each of `paths` (dotted, e.g.
 * "allies.edges") holds a value (not null or undefined), then returns `data`. So a query that no
 * longer validates (GRAPHQL_VALIDATION_FAILED) or fails at run time fails the test instead of
 * passing a "never shows X" check vacuously.
 */
export function expectData<T = Record<string, unknown>>(res: GraphQLResponse<T>, ...paths: string[]): T {
  if (res.errors !== undefined) {
    throw new Error(`expected no errors, got ${JSON.stringify(res.errors.map((e) => ({ message: e.message, code: e.extensions?.code })))}`);
  }
  if (res.data === undefined || res.data === null) throw new Error(`expected data, got none (HTTP ${res.status})`);
  for (const path of paths) {
    let value: unknown = res.data;
    for (const part of path.split('.')) value = value == null ? undefined : (value as Record<string, unknown>)[part];
    if (value === undefined || value === null) throw new Error(`expected data at ${path}, got ${JSON.stringify(value ?? null)}`);
  }
  return res.data;
}
