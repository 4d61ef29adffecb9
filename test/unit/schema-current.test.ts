import { readFileSync } from 'node:fs';
import { fromRoot } from '../../src/paths';
import { printArchipelSchema } from '../../src/schema';

describe('schema/schema.graphql', () => {
  it('is the SDL of the code (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(fromRoot('schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(printArchipelSchema());
  });
});
