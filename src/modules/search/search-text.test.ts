import { searchableText, searchWords, toSearchQuery } from './search-text';

describe('search text', () => {
  it('folds accents, case and elisions the same way on both sides', () => {
    for (const spelling of ['energie', 'ÉNERGIE', "l'énergie", 'l’Énergie', 'Énergie']) expect(searchWords(spelling)).toEqual(['energie']);
    expect(searchableText(['L’énergie citoyenne', null, 'Cœur de ville'])).toBe('energie citoyenne coeur de ville');
    expect(searchableText(['Loos-en-Gohelle', '62528', '62750'])).toBe('loos en gohelle 62528 62750');
  });

  it('builds a query of exact, prefix and (5+ letters) fuzzy terms, every word required', () => {
    expect(toSearchQuery('solai')).toBe('(solai^4 OR solai*^2 OR solai~1)');
    expect(toSearchQuery('Les 62750')).toBe('(les^4 OR les*^2) AND (62750^4 OR 62750*^2)');
  });

  it('leaves no Lucene syntax from the user in the query', () => {
    for (const text of ['AND (', '*', '~', '"', '\\', 'a"b OR c\\d*', 'title:x', '-x +y', '&&||!{}[]^?/']) {
      const q = toSearchQuery(text);
      if (q !== null) expect(q.replace(/\((\w+)\^4 OR \1\*\^2( OR \1~1)?\)( AND )?/g, '')).toBe('');
    }
    expect(toSearchQuery('*')).toBeNull();
    expect(toSearchQuery('AND (')).toBe('(and^4 OR and*^2)');
  });
});
