import { suggestionReasons } from './suggestions';

describe('suggestionReasons', () => {
  it('says what the score is made of, in order', () => {
    expect(suggestionReasons({ common: ['Dahlia', 'Bleuet', 'Capucine', 'Anémone'], themes: ['Énergie', 'Solaire'], place: { level: 'REGION', name: 'Hauts-de-France' } })).toEqual([
      '4 collaborators in common: Anémone, Bleuet, Capucine…',
      'both work on Énergie, Solaire',
      'both in Hauts-de-France',
    ]);
    expect(suggestionReasons({ common: ['Dahlia'], themes: [], place: null })).toEqual(['1 collaborator in common: Dahlia']);
  });
});
