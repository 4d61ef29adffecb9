import { pageIsComplete } from './search.repository';

describe('pageIsComplete (a page of search hits read from a bounded number of Lucene candidates)', () => {
  const hits = (...scores: number[]) => scores.map((score) => ({ score }));

  it('is complete when Lucene returned fewer candidates than asked', () => {
    expect(pageIsComplete({ read: 10, lowest: 1, hits: hits(3, 2) }, 1000, 20)).toBe(true);
  });

  it('is complete when the page is full and its last score is above the lowest candidate', () => {
    expect(pageIsComplete({ read: 1000, lowest: 1, hits: hits(3, 2) }, 1000, 2)).toBe(true);
  });

  it('is not when the bound cut through hits tied with the page\'s last score (ties are ordered by name, not by Lucene)', () => {
    expect(pageIsComplete({ read: 1000, lowest: 9.2, hits: hits(9.2, 9.2) }, 1000, 2)).toBe(false);
  });

  it('is not when filters left the page short and more candidates were not read', () => {
    expect(pageIsComplete({ read: 1000, lowest: 1, hits: hits(3) }, 1000, 2)).toBe(false);
  });
});
