import { PlannerStats } from './references';

describe('PlannerStats (the planners\' cardinalities kept across requests)', () => {
  it('keeps what steers a plan, per viewer class', () => {
    const stats = new PlannerStats(60_000);
    stats.set('public', 'territories:departement:92', { level: 'DEPARTEMENT', population: 1_600_000 });
    stats.set('public', 'totals', { allies: 3, chantiers: 1, francePopulation: 68_000_000 });
    expect(stats.get('public', 'territories:departement:92')).toEqual({ level: 'DEPARTEMENT', population: 1_600_000 });
    expect(stats.get('public', 'totals')).toEqual({ allies: 3, chantiers: 1, francePopulation: 68_000_000 });
    expect(stats.get('private', 'territories:departement:92')).toBeUndefined();
  });

  it('never keeps an ally (whether the viewer may see it is an answer, not an estimate)', () => {
    const stats = new PlannerStats(60_000);
    stats.set('public', 'allies:alpha-energie', { chantiers: 2 });
    expect(stats.get('public', 'allies:alpha-energie')).toBeUndefined();
  });

  it('forgets a value once its time is over, and the least recent past its size', async () => {
    const short = new PlannerStats(5);
    short.set('public', 'themes:energie', { allies: 10, chantiers: 2 });
    expect(short.get('public', 'themes:energie')).toEqual({ allies: 10, chantiers: 2 });
    await new Promise((r) => setTimeout(r, 30));
    expect(short.get('public', 'themes:energie')).toBeUndefined();
    const small = new PlannerStats(60_000, 2);
    for (const slug of ['a', 'b', 'c']) small.set('public', `themes:${slug}`, { allies: 1, chantiers: 0 });
    expect(['a', 'b', 'c'].map((slug) => small.get('public', `themes:${slug}`) !== undefined)).toEqual([false, true, true]);
  });
});
