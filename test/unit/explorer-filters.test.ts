import { exportLinks, filtersFromQuery, filtersToQuery, networkFilter, NO_FILTERS } from '../../explorer/filters';

describe('explorer filters', () => {
  const q = 'theme=energie&theme=alimentation&territory=region%3A32&objective=2&kind=ORGANIZATION';

  it('reads the exports’ query parameters and writes them back the same', () => {
    const f = filtersFromQuery(`?${q}`);
    expect(f).toEqual({ themes: ['energie', 'alimentation'], territory: 'region:32', objective: '2', kind: 'ORGANIZATION' });
    expect(filtersToQuery(f)).toBe(q);
  });

  it('ignores empty values, repeated themes, unknown kinds and other parameters', () => {
    expect(filtersFromQuery('theme=&theme=energie&theme=energie&territory=%20&kind=robot&view=map')).toEqual({
      themes: ['energie'],
      territory: null,
      objective: null,
      kind: null,
    });
    expect(filtersToQuery(NO_FILTERS)).toBe('');
  });

  it('gives the GraphQL NetworkFilter under the API’s names (kinds is a list there)', () => {
    const f = filtersFromQuery(q);
    expect(networkFilter(f)).toEqual({ themes: ['energie', 'alimentation'], territory: 'region:32', objective: '2', kinds: ['ORGANIZATION'] });
    expect(networkFilter(NO_FILTERS)).toBeNull();
  });

  it('links every export with the same parameters (the CSV with its level first)', () => {
    const links = exportLinks(filtersFromQuery('theme=energie'));
    expect(links.map((l) => l.href)).toEqual([
      '/export/allies.geojson?theme=energie',
      '/export/chantiers.geojson?theme=energie',
      '/export/network.gexf?theme=energie',
      '/export/network.json?theme=energie',
      '/export/territory-stats.csv?level=DEPARTEMENT&theme=energie',
    ]);
    expect(exportLinks(NO_FILTERS)[0].href).toBe('/export/allies.geojson');
  });
});
