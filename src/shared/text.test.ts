import { foldForSort } from './text';

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
