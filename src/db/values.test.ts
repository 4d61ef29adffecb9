import neo4j from 'neo4j-driver';
import { toPlain } from './values';

describe('toPlain', () => {
  it('turns temporal values into ISO strings, points into latitude/longitude, integers into numbers, nodes into their properties', () => {
    const row = {
      on: new neo4j.types.Date(2021, 11, 10),
      at: new neo4j.types.DateTime(2024, 3, 1, 10, 30, 0, 0, 0),
      where: new neo4j.types.Point(4326, 2.35, 48.85),
      count: neo4j.int(7),
      node: new neo4j.types.Node(neo4j.int(1), ['Ally'], { slug: 'a', since: new neo4j.types.Date(2020, 1, 2) }, '4:x:1'),
      missing: undefined,
    };
    expect(toPlain(row)).toEqual({
      on: '2021-11-10', at: '2024-03-01T10:30:00.000Z', where: { latitude: 48.85, longitude: 2.35 }, count: 7,
      node: { slug: 'a', since: '2020-01-02' }, missing: null,
    });
  });

  it('converts lists and maps, nested', () => {
    const inner = { d: new neo4j.types.Date(2022, 5, 6), n: 1, s: 'x', none: null };
    const row = { list: [inner, [neo4j.int(2), undefined], 'y'], map: { deeper: [{ p: new neo4j.types.Point(4326, 1, 2) }] } };
    expect(toPlain(row)).toEqual({ list: [{ d: '2022-05-06', n: 1, s: 'x', none: null }, [2, null], 'y'], map: { deeper: [{ p: { latitude: 2, longitude: 1 } }] } });
  });
});
