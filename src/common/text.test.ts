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

describe('toFullTextQuery bounds', () => {
  const bounds = { maxChars: 200, maxWords: 32 };
  it('accepts text at the bounds', () => {
    expect(toFullTextQuery('a'.repeat(200), 'filter.text', bounds)).toBe(`${'a'.repeat(200)}*`);
    expect(toFullTextQuery(Array(32).fill('mot').join(' '), 'filter.text', bounds)?.split(' AND ')).toHaveLength(32);
  });
  it('refuses text past them with BAD_USER_INPUT naming the argument and the bound', () => {
    const long = () => toFullTextQuery('a'.repeat(201), 'filter.text', bounds);
    expect(long).toThrow('filter.text: at most 200 characters (got 201)');
    expect(() => toFullTextQuery(Array(33).fill('m').join(' '), 'filter.text', bounds)).toThrow('filter.text: at most 32 words (got 33)');
    try {
      long();
    } catch (e) {
      expect((e as { extensions: unknown }).extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'filter.text' });
    }
  });
});
