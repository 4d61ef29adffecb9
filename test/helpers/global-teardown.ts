import { rmSync } from 'node:fs';
import type { EmbeddedNeo4j } from '../../src/db/embedded-neo4j';

export default async function globalTeardown(): Promise<void> {
  const neo4j = (globalThis as { __archipelNeo4j?: EmbeddedNeo4j }).__archipelNeo4j;
  await neo4j?.stop();
  const home = process.env.ARCHIPEL_TEST_NEO4J_HOME;
  if (home) rmSync(home, { recursive: true, force: true });
}
