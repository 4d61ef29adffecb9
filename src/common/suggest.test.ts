import { suggestKnown } from './suggest';

describe('suggestKnown', () => {
  const themes = ['alimentation', 'biodiversite', 'energie', 'mobilite', 'numerique'];
  it('names the closest known values, accents and case folded', () => {
    expect(suggestKnown('energy', themes, 'themes')).toBe('did you mean "energie"?');
    expect(suggestKnown('Mobilité', themes, 'themes')).toBe('did you mean "mobilite"?');
  });
  it('lists the known values when none is close, and says so when there are none', () => {
    expect(suggestKnown('astrologie', themes, 'themes')).toBe('known: alimentation, biodiversite, energie, mobilite, numerique');
    expect(suggestKnown('x', [], 'themes')).toBe('there are no themes yet');
    const many = Array.from({ length: 30 }, (_, i) => `synth-theme-${String(i).padStart(3, '0')}`);
    expect(suggestKnown('zzz', many, 'themes')).toMatch(/^known: synth-theme-000, .*, … \(30 in all\)$/);
  });
});
