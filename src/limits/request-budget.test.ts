import { locatedError } from 'graphql';
import { RequestBudget } from './request-budget';
import { QueryTooComplexError } from '../errors/app-errors';

describe('RequestBudget', () => {
  it('records the first overrun only, and every later check throws that same error', () => {
    let now = 0;
    const budget = new RequestBudget(1000, 10, () => now);
    budget.addItems(10);
    expect(budget.exceeded).toBeNull();
    expect(() => budget.addItems(1)).toThrow(/more than 10 list items/);
    const first = budget.exceeded!;
    expect(first).toBeInstanceOf(QueryTooComplexError);
    now = 2000;
    expect(() => budget.checkTime()).toThrow(first);
    expect(budget.record(new QueryTooComplexError('a transaction ran out of time'))).toBe(first);
    expect(() => budget.addRows(1)).toThrow(first);
  });

  it('stops on time once the deadline is past', () => {
    let now = 0;
    const budget = new RequestBudget(5000, 100, () => now);
    budget.checkTime();
    now = 5000;
    expect(() => budget.checkTime()).toThrow(/longer than the 5 s/);
    expect(budget.remainingMs()).toBe(0);
  });

  it('gives an overrun a path, so graphql-js passes it on unchanged from each field instead of wrapping it anew', () => {
    const budget = new RequestBudget(1000, 1, () => 0);
    expect(() => budget.addRows(2)).toThrow();
    const error = budget.exceeded!;
    expect(error.path).toEqual([]);
    expect(locatedError(error, [], ['allies', 0, 'name'])).toBe(error);
  });
});
