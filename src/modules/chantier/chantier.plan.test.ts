import { chantierCriteria } from './chantier.filter';
import { ChantierFilter } from './chantier.inputs';
import { ChantierCardinalities, ChantierOrderField, planChantiers } from './chantier.plan';
import { ChantierStatus } from './chantier.types';

/** 10k chantiers: objective 2 is served by many, a theme by a few hundred, a hub ally is in 101. */
const card: ChantierCardinalities = {
  chantiers: 10_000,
  francePopulation: 68_000_000,
  objectives: { '1': 300, '2': 6_000 },
  themes: { energie: 400, eau: 20 },
  territories: { 'region:84': { level: 'REGION', population: 8_100_000 }, 'commune:62528': { level: 'COMMUNE', population: 6_800 } },
  participants: { hub: 101, 'petit-ally': 2 },
  texts: { 'cantine*': 12 },
};

type Row = [string, ChantierFilter, { territory?: string; theme?: string; objective?: string }, ChantierOrderField | null, string, string[]];

describe('planChantiers', () => {
  const rows: Row[] = [
    ['nothing selective, by title: the title index', {}, {}, 'TITLE', 'title-index', []],
    ['nothing selective, by validation date: every chantier', {}, {}, 'VALIDATED_ON', 'all', []],
    ['status only, counted: every chantier, status as residual', { status: [ChantierStatus.ACTIVE] }, {}, null, 'all', ['status']],
    ['CharterObjective.chantiers of a big objective, by title: the index', {}, { objective: '2' }, 'TITLE', 'title-index', ['objectives']],
    ['CharterObjective.chantiers of a small objective, by title: the objective', {}, { objective: '1' }, 'TITLE', 'objective', []],
    ['an objective and a participant: the participant', { participant: 'petit-ally' }, { objective: '2' }, 'VALIDATED_ON', 'participant', ['objectives']],
    ['Theme.chantiers with a text: the text hits', { text: 'cantine' }, { theme: 'energie' }, 'CREATED_AT', 'text', ['theme-groups']],
    ['Territory.chantiers of a commune: the subtree', {}, { territory: 'commune:62528' }, 'TITLE', 'territory', []],
    ['themes of a region, counted: the smaller (the theme)', { themes: ['eau'] }, { territory: 'region:84' }, null, 'theme', ['territories']],
  ];

  it.each(rows)('%s', (_name, filter, scope, order, start, residuals) => {
    const plan = planChantiers(chantierCriteria(filter, scope), order, 21, card);
    expect(plan.start).toBe(start);
    expect(plan.residuals).toEqual(residuals);
  });

  it('a territory that is not in the graph makes the answer empty without a query', () => {
    expect(planChantiers(chantierCriteria({ territory: 'departement:2A' }), 'TITLE', 21, card).empty).toBe(true);
  });
});
