import { printArchipelSchema } from '../../src/schema';
import { pluralOf } from '../../src/common/relay';

describe('descriptions of the emitted SDL', () => {
  it('have no wrongly formed plural ("allys", "territorys", "learning communitys")', () => {
    const sdl = printArchipelSchema();
    // A consonant then "ys": "allys", "communitys"; "days", "keys" (a vowel before the y) are fine.
    const wrong = sdl.match(/\b[a-z]*[b-df-hj-np-tv-z]ys\b/gi) ?? [];
    expect(wrong).toEqual([]);
    expect(sdl).toContain('A page of allies');
    expect(sdl).toContain('A page of learning communities');
    expect(sdl).toContain('A page of territories');
    expect(sdl).toContain('A page of chantiers');
  });
});

describe('pluralOf', () => {
  it.each([
    ['ally', 'allies'],
    ['territory', 'territories'],
    ['learning community', 'learning communities'],
    ['chantier', 'chantiers'],
    ['day', 'days'],
    ['match', 'matches'],
    ['box', 'boxes'],
  ])('%s → %s', (one, many) => expect(pluralOf(one)).toBe(many));
});
