import { networkFilterParams, networkStart, presentConditions } from './network.filter';

describe('network start set', () => {
  it.each([
    [{ chantier: 'c', themes: ['t'], territory: 'region:32' }, 'chantier'],
    [{ objective: '2', themes: ['t'] }, 'objective'],
    [{ themes: ['t'], territory: 'region:32', kinds: ['PERSON'] }, 'themes'],
    [{ territory: 'departement:62', kinds: ['PERSON'] }, 'territory'],
    [{ kinds: ['ORGANIZATION'] }, 'all'],
    [{}, 'all'],
  ] as const)('%j starts from %s', (filter, start) => {
    expect(networkStart(networkFilterParams(filter as never))).toBe(start);
  });

  it('an ambiguous territory is refused naming both readings', () => {
    expect(() => networkFilterParams({ territory: '32' })).toThrow(/filter\.territory: .*region:32.*departement:32/);
  });

  it('names the conditions a filter has, in a fixed order, without those the query guarantees', () => {
    const f = networkFilterParams({ territory: 'region:32', themes: ['energie'], kinds: ['PERSON'] } as never);
    expect(presentConditions(f)).toEqual(['kinds', 'themes', 'territory']);
    expect(presentConditions(f, ['themes'])).toEqual(['kinds', 'territory']);
    expect(presentConditions(networkFilterParams({} as never))).toEqual([]);
    expect(presentConditions(networkFilterParams({ themes: [] } as never))).toEqual([]);
  });
});
