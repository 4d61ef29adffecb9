import { foldForSort, toFullTextQuery } from './text';

describe('foldForSort', () => {
  it('folds accents, case and ligatures', () => {
    expect(foldForSort('Énergie')).toBe('energie');
    expect(foldForSort('Cœur de ville')).toBe('coeur de ville');
    expect(foldForSort('  Ça Marche ')).toBe('ca marche');
  });

  it('orders French names as a reader expects', () => {
    const names = ['Zèbre', 'Élan', 'abeille', 'Echo'];
    expect([...names].sort((a, b) => foldForSort(a).localeCompare(foldForSort(b)))).toEqual(['abeille', 'Echo', 'Élan', 'Zèbre']);
  });
});

describe('toFullTextQuery', () => {
  it('folds, strips Lucene syntax and requires every word as a prefix', () => {
    expect(toFullTextQuery('Énergie  citoyenne')).toBe('energie* AND citoyenne*');
    expect(toFullTextQuery('a:b (c) OR "d"')).toBe('ab* AND c* AND or* AND d*');
    expect(toFullTextQuery('  ***  ')).toBeNull();
  });
});
