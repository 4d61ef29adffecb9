import { BadUserInputError } from '../../errors/app-errors';
import { allyExportParams, asParameterError, bboxParameter, chantierExportParams, inBbox, networkExportParams, ParameterError, statsExportParams } from './export-params';

const parameterOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (err) {
    return (err as ParameterError).extensions.parameter as string;
  }
  return undefined;
};

describe('export parameters', () => {
  it('map to the API filter fields: lists repeated (or comma-separated), scalars once', () => {
    expect(allyExportParams({ theme: ['energie', 'alimentation'], territory: 'region:32', objective: '2', kind: 'ORGANIZATION' })).toEqual({
      filter: { themes: ['energie', 'alimentation'], territory: 'region:32', objective: '2', kind: 'ORGANIZATION' },
      bbox: undefined,
    });
    expect(allyExportParams({ theme: 'energie,alimentation', themesMatch: 'ALL', organizationType: ['ASSOCIATION', 'COMPANY'] }).filter).toEqual({
      themes: ['energie', 'alimentation'],
      themesMatch: 'ALL',
      organizationTypes: ['ASSOCIATION', 'COMPANY'],
    });
    expect(chantierExportParams({ status: 'ACTIVE,PROPOSED', participant: 'alpha' }).filter).toEqual({ status: ['ACTIVE', 'PROPOSED'], participant: 'alpha' });
    expect(networkExportParams({ kind: ['PERSON'], maxNodes: '200', projection: 'COLLABORATION' })).toEqual({
      filter: { kinds: ['PERSON'] },
      maxNodes: 200,
      projection: 'COLLABORATION',
      colorBy: 'type',
    });
    expect(statsExportParams({ level: 'commune', within: 'departement:62' })).toEqual({ level: 'COMMUNE', within: 'departement:62', filter: {} });
  });

  it('name the parameter when refusing one', () => {
    expect(parameterOf(() => allyExportParams({ themes: 'energie' }))).toBe('themes');
    expect(parameterOf(() => allyExportParams({ kind: ['PERSON', 'ORGANIZATION'] }))).toBe('kind');
    expect(parameterOf(() => allyExportParams({ kind: 'ROBOT' }))).toBe('kind');
    expect(parameterOf(() => allyExportParams({ territory: '' }))).toBe('territory');
    expect(parameterOf(() => allyExportParams({ signedBefore: '2021-02-30' }))).toBe('signedBefore');
    expect(parameterOf(() => allyExportParams({ theme: { a: '1' } }))).toBe('theme');
    expect(parameterOf(() => networkExportParams({ maxNodes: '1.5' }))).toBe('maxNodes');
    expect(parameterOf(() => statsExportParams({}))).toBe('level');
    expect(parameterOf(() => statsExportParams({ level: 'COUNTRY' }))).toBe('level');
  });

  it('bbox is west,south,east,north; a box with east < west crosses the antimeridian', () => {
    expect(bboxParameter({ bbox: '-5.5,47,-1,49' })).toEqual({ west: -5.5, south: 47, east: -1, north: 49 });
    for (const bad of ['1,2,3', '1,2,3,x', '0,50,1,49', '200,0,1,1', '0,-95,1,1', '1,,2,3']) expect(parameterOf(() => bboxParameter({ bbox: bad }))).toBe('bbox');
    const box = { west: -5.5, south: 47, east: -1, north: 49 };
    expect(inBbox(box, -2.5, 48.25)).toBe(true);
    expect(inBbox(box, 2.79, 50.46)).toBe(false);
    const pacific = { west: 170, south: -50, east: -170, north: 0 };
    expect(inBbox(pacific, 179, -10)).toBe(true);
    expect(inBbox(pacific, -175, -10)).toBe(true);
    expect(inBbox(pacific, 0, -10)).toBe(false);
  });

  it('errors of the shared validation are renamed to the parameter', () => {
    const err = asParameterError(new BadUserInputError('filter.themes: unknown theme "x"', 'filter.themes')) as ParameterError;
    expect(err.message).toBe('theme: unknown theme "x"');
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'theme' });
    const other = new Error('boom');
    expect(asParameterError(other)).toBe(other);
  });
});
