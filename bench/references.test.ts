import { departementsWithoutCrossingEpci, pickReferences } from './references';

describe('departementsWithoutCrossingEpci', () => {
  const clean = departementsWithoutCrossingEpci();

  it('keeps Indre-et-Loire, whose EPCIs all lie inside it', () => {
    expect(clean.has('37')).toBe(true);
  });

  it('drops the Rhône (CA Mâconnais Beaujolais spans 69 and 71) and the four départements of the Métropole du Grand Paris', () => {
    for (const d of ['69', '71', '75', '92', '93', '94']) expect(clean.has(d)).toBe(false);
  });
});

describe('pickReferences', () => {
  it('takes the busiest ally, the biggest theme and objective, region:84, and the clean département with the most allies', () => {
    const { references } = pickReferences({
      busiestAllies: [{ slug: 'synth-ally-00002', chantiers: 9 }],
      themes: [{ slug: 'synth-theme-001', members: 30 }],
      objectives: [{ code: '3', chantiers: 4 }],
      // Lyon (69) holds more allies, but the Rhône is not clean; Tours (37) is.
      directAllies: { 'commune:69123': 50, 'commune:37261': 5, 'departement:37': 1 },
      basedIn: {},
    });
    expect(references).toEqual({ hubAlly: 'synth-ally-00002', hubTheme: 'synth-theme-001', region: 'region:84', departement: 'departement:37', objective: '3' });
  });
});
