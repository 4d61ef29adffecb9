import { fromRoot } from '../src/paths';
import { picksFromBundle, reachableSources, storeKey } from './store-cache';

describe('the store cache key', () => {
  it('covers the generator, the importer and the geography the CLIs reach', () => {
    const files = reachableSources([fromRoot('src', 'cli', 'import.ts'), fromRoot('src', 'cli', 'generate.ts')]);
    for (const f of ['src/modules/bundle/synthetic.ts', 'src/modules/bundle/import-bundle.ts', 'src/modules/territory/geography.ts', 'src/db/migrations.ts']) {
      expect(files).toContain(fromRoot(f));
    }
    expect(files).not.toContain(fromRoot('src', 'server.ts'));
  });

  it('depends on the scale and the seed', () => {
    expect(storeKey(1000, 1)).toBe(storeKey(1000, 1));
    expect(storeKey(1000, 2)).not.toBe(storeKey(1000, 1));
    expect(storeKey(10000, 1)).not.toBe(storeKey(1000, 1));
  });
});

describe('picksFromBundle', () => {
  it('never picks a private person as the busiest ally', () => {
    const picks = picksFromBundle({
      allies: [{ slug: 'p', kind: 'PERSON', public: false }, { slug: 'o', kind: 'ORGANIZATION' }],
      chantiers: [{ slug: 'c1', participants: [{ ally: 'p' }, { ally: 'o' }] }, { slug: 'c2', participants: [{ ally: 'p' }] }],
    });
    expect(picks.busiestAllies).toEqual([{ slug: 'o', chantiers: 1 }]);
  });
});
