import { expectData } from '../helpers/expect-data';

describe('expectData (STYLE 14)', () => {
  it('returns the data of a response without errors', () => {
    const data = { allies: { edges: [] } };
    expect(expectData({ status: 200, data }, 'allies.edges')).toBe(data);
  });

  it('fails on a validation error, which a "never shows X" check alone would let pass', () => {
    const res = { status: 400, errors: [{ message: 'Cannot query field "nope" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
    expect(() => expectData(res)).toThrow(/expected no errors.*GRAPHQL_VALIDATION_FAILED/);
  });

  it('fails on an error next to partial data', () => {
    const res = { status: 200, data: { allies: null }, errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    expect(() => expectData(res, 'allies')).toThrow(/INTERNAL_SERVER_ERROR/);
  });

  it('fails when data is missing, or a path the test reasons about is null', () => {
    expect(() => expectData({ status: 200 })).toThrow(/expected data/);
    expect(() => expectData({ status: 200, data: { theme: null } }, 'theme.allies')).toThrow(/expected data at theme.allies/);
  });
});
