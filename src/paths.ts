import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found by walking up from this file to package.json. Works both from
 * `src/` (ts-jest) and from `dist/src/` (the built server), so data files (`cypher/`, `data/`,
 * `schema/`, `neo4j/`) are found the same way in both.
 */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'cypher'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the Archipel repository root above ${start}`);
    dir = up;
  }
}

export const projectRoot = findRoot(__dirname);
export const fromRoot = (...parts: string[]): string => path.join(projectRoot, ...parts);
