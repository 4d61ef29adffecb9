import { compareSlugs } from './compare';

describe('compareSlugs (the check before timing)', () => {
  it('accepts equal lists', () => {
    expect(compareSlugs([['a', ['x', 'y']], ['b', ['x', 'y']], ['c', ['x', 'y']]])).toEqual({ same: true, slugs: 2 });
  });

  it('fails on a different order, and says where', () => {
    const c = compareSlugs([['Archipel', ['y', 'x']], ['library', ['x', 'y']], ['floor', ['x', 'y']]]);
    expect(c.same).toBe(false);
    expect(c.detail).toContain('#0: Archipel "y", library "x", floor "x"');
  });

  it('fails on an extra or a missing item, and names it', () => {
    const c = compareSlugs([['Archipel', ['x', 'y', 'z']], ['library', ['x']], ['floor', ['x', 'y']]]);
    expect(c.same).toBe(false);
    expect(c.detail).toContain(`in Archipel's answer, not floor's: ["z"]`);
    expect(c.detail).toContain(`in floor's answer, not library's: ["y"]`);
  });

  it('fails when one server returns nothing', () => {
    expect(compareSlugs([['a', []], ['b', ['x']], ['c', ['x']]]).same).toBe(false);
  });
});
