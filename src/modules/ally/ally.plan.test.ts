import { allyCriteria } from './ally.filter';
import { AllyFilter, MatchMode } from './ally.inputs';
import { AllyCardinalities, AllyOrderField, planAllies } from './ally.plan';
import { AllyKind } from './ally.types';

/** A graph of 100k allies: energy is a big tribe, food a small one; a region holds ~10%, a commune very few. */
const card: AllyCardinalities = {
  allies: 100_000,
  francePopulation: 68_000_000,
  themes: { energie: 25_000, alimentation: 800, eau: 0 },
  chantiers: { 'chantier-hub': 101, 'chantier-petit': 3 },
  objectives: { '2': 4_000 },
  territories: {
    'region:84': { level: 'REGION', population: 8_100_000 },
    'departement:69': { level: 'DEPARTEMENT', population: 1_900_000 },
    'commune:62528': { level: 'COMMUNE', population: 6_800 },
    'country:FR': { level: 'COUNTRY', population: 68_000_000 },
    'epci:200054781': { level: 'EPCI', population: null },
  },
  texts: { 'energie*': 30, 'association*': 60_000 },
};

type Row = [string, AllyFilter, { territory?: string; theme?: string; objective?: string; chantier?: string }, AllyOrderField | null, string, string[]];

describe('planAllies', () => {
  const rows: Row[] = [
    ['nothing selective, by name: the name index', {}, {}, 'NAME', 'name-index', []],
    ['nothing selective, by degree: the stored degree\'s index', {}, {}, 'DEGREE', 'degree-index', []],
    ['a small chantier, by degree: its contributors (a bounded count of candidates)', {}, { chantier: 'chantier-petit' }, 'DEGREE', 'chantier', []],
    ['nothing selective, a count: every ally', {}, {}, null, 'all', []],
    ['kind only, by name: the index, kind as residual', { kind: AllyKind.PERSON }, {}, 'NAME', 'name-index', ['kind']],
    ['a small tribe, by name: the tribe', { themes: ['alimentation'] }, {}, 'NAME', 'theme', []],
    ['a big tribe, by name: the index (25% match: ~84 rows read)', { themes: ['energie'] }, {}, 'NAME', 'name-index', ['theme-groups']],
    ['a big tribe, counted: the tribe', { themes: ['energie'] }, {}, null, 'theme', []],
    ['a big tribe within a small commune: the commune', { themes: ['energie'], territory: '62528' }, {}, 'NAME', 'territory', ['theme-groups']],
    ['a big tribe within a region, by degree: the stored degree\'s index, as by name', { themes: ['energie'], territory: 'region:84' }, {}, 'DEGREE', 'degree-index', ['theme-groups', 'territories']],
    ['a big tribe within a region, by name: the index (3% match)', { themes: ['energie'], territory: 'region:84' }, {}, 'NAME', 'name-index', ['theme-groups', 'territories']],
    ['Territory.allies of a département, by name: the index (~6% match: ~375 rows read, each one property read)', {}, { territory: 'departement:69' }, 'NAME', 'name-index', ['territories']],
    ['Territory.allies of a département, by degree: the stored degree\'s index, as by name', {}, { territory: 'departement:69' }, 'DEGREE', 'degree-index', ['territories']],
    ['Territory.allies of a département, counted: the subtree', {}, { territory: 'departement:69' }, null, 'territory', []],
    ['Territory.allies of the country, by name: the index', {}, { territory: 'country:FR' }, 'NAME', 'name-index', ['territories']],
    ['Theme.allies with a chantier filter: the chantier', { chantier: 'chantier-petit' }, { theme: 'energie' }, 'NAME', 'chantier', ['theme-groups']],
    ['an objective with a text: the text hits', { text: 'energie' }, { objective: '2' }, 'NAME', 'text', ['objectives']],
    ['a frequent word within a commune: the commune, text as residual', { text: 'association' }, { territory: 'commune:62528' }, 'CREATED_AT', 'territory', ['text']],
    ['near a point (5 km): the point index', { near: { latitude: 45.76, longitude: 4.83, radiusKm: 5 } }, {}, 'DEGREE', 'near', []],
    ['a small bounding box: the point index', { within: { south: 45.7, west: 4.8, north: 45.8, east: 4.9 } }, {}, 'CHARTER_SIGNED_ON', 'bbox', []],
    ['themes ALL: the smaller theme starts, the other is residual', { themes: ['energie', 'alimentation'], themesMatch: MatchMode.ALL }, {}, null, 'theme', ['theme-groups']],
    ['a theme nobody works on: that empty theme', { themes: ['eau'], territory: 'region:84' }, {}, 'NAME', 'theme', ['territories']],
    ['an EPCI without population: estimated by level', {}, { territory: 'epci:200054781' }, 'NAME', 'territory', []],
  ];

  it.each(rows)('%s', (_name, filter, scope, order, start, residuals) => {
    const plan = planAllies(allyCriteria(filter, scope), order, 21, card);
    expect(plan.start).toBe(start);
    expect(plan.residuals).toEqual(residuals);
    expect(plan.empty).toBe(false);
  });

  it('passes the start value and leaves what it consumed out of the residual lists', () => {
    const plan = planAllies(allyCriteria({ themes: ['energie'], territory: 'region:84' }, { theme: 'alimentation' }), 'NAME', 21, card);
    expect(plan.start).toBe('theme');
    expect(plan.params.start).toEqual(['alimentation']);
    expect(plan.params.themeGroups).toEqual([{ slugs: ['energie'], role: null }]);
    expect(plan.params.territories).toEqual(['region:84']);
    expect(plan.residuals).toEqual(['theme-groups', 'territories']);
  });

  it('a territory that is not in the graph makes the answer empty without a query', () => {
    expect(planAllies(allyCriteria({ territory: 'departement:2A' }), 'NAME', 21, card).empty).toBe(true);
  });
});
