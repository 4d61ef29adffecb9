import { writeFileSync } from 'node:fs';
import { fromRoot } from '../paths';
import { printArchipelSchema } from '../schema';

/** npm run schema: writes the sorted SDL to schema/schema.graphql (committed; a test checks it is current). */
const file = fromRoot('schema', 'schema.graphql');
writeFileSync(file, printArchipelSchema());
process.stdout.write(`wrote ${file}\n`);
