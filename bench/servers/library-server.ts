import { readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j from 'neo4j-driver';
import { fromRoot } from '../../src/paths';

/**
 * The Neo4j GraphQL Library 7 over the benchmark's Neo4j: bench/library/type-defs.graphql, served by
 * Apollo Server on 127.0.0.1 as a library user would set it up (one driver, anonymous reads).
 * Started by `npm run bench` as its own process:
 *   node dist/bench/servers/library-server.js --neo4j bolt://127.0.0.1:PORT [--port 0]
 * Prints `listening PORT` on stdout once it accepts requests; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { neo4j: { type: 'string' }, port: { type: 'string', default: '0' } } });
  if (!values.neo4j) throw new Error('--neo4j URI is required');
  const driver = neo4j.driver(values.neo4j, neo4j.auth.basic('neo4j', ''));
  await driver.verifyConnectivity();
  const typeDefs = readFileSync(fromRoot('bench', 'library', 'type-defs.graphql'), 'utf8');
  const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
  const schema = await neoSchema.getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => ({ token: req.headers.authorization, sessionConfig: { database: 'neo4j' } }) }),
  );
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
  const stop = () => {
    server.closeAllConnections();
    void apollo.stop().finally(() => driver.close().finally(() => process.exit(0)));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`library-server: ${(err as Error)?.stack ?? err}\n`);
  process.exit(1);
});
