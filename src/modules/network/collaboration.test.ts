import { readFileSync } from 'node:fs';
import { fromRoot } from '../../paths';
import { COLLABORATION_CONTEXT, COLLABORATION_TYPES } from './collaboration';

describe('the collaboration context', () => {
  const fragment = readFileSync(fromRoot('cypher', 'fragments', 'network', 'collaboration-context.cypher'), 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');

  it('the Cypher fragment uses exactly the relationship types and labels of the TS definition', () => {
    const types = new Set([...fragment.matchAll(/\[\w*:([A-Z_|]+)\]/g)].flatMap((m) => m[1].split('|')));
    expect([...types].sort()).toEqual([...COLLABORATION_TYPES].sort());
    for (const s of COLLABORATION_CONTEXT.shared) expect(fragment).toContain(s.label);
  });
});
