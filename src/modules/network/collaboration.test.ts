import { readFileSync } from 'node:fs';
import { fromRoot } from '../../paths';
import { COLLABORATION_CONTEXT, COLLABORATION_TYPES, pairsFromContexts } from './collaboration';

describe('the collaboration context', () => {
  const fragment = (name: string) =>
    readFileSync(fromRoot('cypher', 'fragments', 'network', `${name}.cypher`), 'utf8')
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n');

  // collaboration-context: everyone `a` works with; contexts-between: the contexts of a known pair;
  // contexts-of: the contexts `a` takes part in (grouped by context to pair up a set's allies).
  it.each(['collaboration-context', 'contexts-between', 'contexts-of'])('the Cypher fragment %s uses exactly the relationship types and labels of the TS definition', (name) => {
    const text = fragment(name);
    const types = new Set([...text.matchAll(/\[\w*:([A-Z_|]+)\]/g)].flatMap((m) => m[1].split('|')));
    expect([...types].sort()).toEqual([...COLLABORATION_TYPES].sort());
    for (const s of COLLABORATION_CONTEXT.shared) expect(text).toContain(s.label);
  });

  it('both fragments write the same patterns', () => {
    const patterns = (name: string) => [...fragment(name).matchAll(/^MATCH (.+)$/gm)].map((m) => m[1].replace(/:Ally\b/g, ''));
    expect(patterns('contexts-between')).toEqual(patterns('collaboration-context'));
  });

  it('contexts-of reaches the same contexts as the first hop of the collaboration context', () => {
    const firstHop = (name: string) => [...fragment(name).matchAll(/^MATCH \(a\)(-\[\w*:[A-Z_|]+\]->?)\((\w*)(:[A-Za-z|]+)?\)/gm)].map((m) => `${m[1].replace(/\[\w*:/, '[:')}${m[3] ?? ''}`);
    expect(firstHop('contexts-of')).toEqual(firstHop('collaboration-context'));
  });

  it('members-of-context reads the members of the contexts of contexts-of, by the same relationship types', () => {
    const types = new Set([...fragment('members-of-context').matchAll(/\[\w*:([A-Z_|]+)\]/g)].flatMap((m) => m[1].split('|')));
    expect([...types].sort()).toEqual(COLLABORATION_CONTEXT.shared.map((x) => x.type).sort());
    expect(fragment('members-of-context')).toContain('IS :: RELATIONSHIP'); // the MEMBER_OF contexts
  });

  it('pairsFromContexts weighs each pair by the contexts it shares, each pair once', () => {
    // allies 0..3; contexts {0,1,2}, {1,2}, {2,0} and a repeated member in {3,1,3}
    const pairs = pairsFromContexts([[0, 1, 2], [2, 1], [2, 0], [3, 1, 3]], 4);
    const byPair = Object.fromEntries(pairs.map((p) => [`${p.s}-${p.t}`, p.weight]));
    expect(byPair).toEqual({ '0-1': 1, '0-2': 2, '1-2': 2, '1-3': 1 });
    expect(pairs.every((p) => p.s < p.t)).toBe(true);
    expect(pairsFromContexts([[5]], 6)).toEqual([]);
  });
});
