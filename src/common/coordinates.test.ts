import 'reflect-metadata';
import { parse, validate } from 'graphql';
import { buildArchipelSchema } from '../schema';

describe('Latitude and Longitude arguments', () => {
  const errorsOf = (query: string) => validate(buildArchipelSchema(), parse(query)).map((e) => e.message);

  it('accept integer literals, as a user writes them', () => {
    expect(errorsOf('{ allies(filter: { within: { south: 41, west: -5, north: 51, east: 9 } }) { totalCount } }')).toEqual([]);
    expect(errorsOf('{ allies(filter: { near: { latitude: 48, longitude: 2, radiusKm: 20 } }) { totalCount } }')).toEqual([]);
  });

  it('accept floats, and still refuse values out of range or of another kind', () => {
    expect(errorsOf('{ allies(filter: { within: { south: 41.5, west: -5.2, north: 51.1, east: 9.6 } }) { totalCount } }')).toEqual([]);
    expect(errorsOf('{ allies(filter: { near: { latitude: 91, longitude: 2, radiusKm: 20 } }) { totalCount } }')).toHaveLength(1);
    expect(errorsOf('{ allies(filter: { near: { latitude: 48, longitude: -181, radiusKm: 20 } }) { totalCount } }')).toHaveLength(1);
    expect(errorsOf('{ allies(filter: { near: { latitude: true, longitude: 2, radiusKm: 20 } }) { totalCount } }')).toHaveLength(1);
  });
});
