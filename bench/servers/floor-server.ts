import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { fromRoot } from '../../src/paths';

/**
 * The floor of the benchmark: one hand-written, parameterised Cypher per operation (bench/floor/*.cypher),
 * run in executeRead through neo4j-driver, its records returned as JSON. No GraphQL, no validation:
 * what answering costs when nothing but the query and the JSON is paid for.
 *   node dist/bench/servers/floor-server.js --neo4j bolt://127.0.0.1:PORT [--port 0]
 * POST /<file name without .cypher> with the parameters as a JSON object → 200 {"rows": [...]}, or
 * 500 {"error": "..."}. Prints `listening PORT` on stdout once it accepts requests; stops on SIGTERM.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { neo4j: { type: 'string' }, port: { type: 'string', default: '0' } } });
  if (!values.neo4j) throw new Error('--neo4j URI is required');
  const driver = neo4j.driver(values.neo4j, neo4j.auth.basic('neo4j', ''), { disableLosslessIntegers: true });
  await driver.verifyConnectivity();
  const dir = fromRoot('bench', 'floor');
  const queries = new Map(
    readdirSync(dir).filter((f) => f.endsWith('.cypher')).map((f) => [path.basename(f, '.cypher'), readFileSync(path.join(dir, f), 'utf8')]),
  );
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\//, '');
    const text = queries.get(name);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || text === undefined) return reply(404, { error: `no query ${name}` });
      let params: Record<string, unknown>;
      try {
        params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return reply(400, { error: 'the body must be a JSON object' });
      }
      // Integers travel as Cypher integers (a JSON number would be a float: LIMIT refuses it).
      for (const [k, v] of Object.entries(params)) if (Number.isInteger(v)) params[k] = neo4j.int(v as number);
      driver
        .executeQuery(text, params, { database: 'neo4j', routing: neo4j.routing.READ })
        .then((r) => reply(200, { rows: r.records.map((rec) => rec.toObject()) }))
        .catch((err: Error) => reply(500, { error: err.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
  const stop = () => {
    server.closeAllConnections();
    server.close();
    void driver.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`floor-server: ${(err as Error)?.stack ?? err}\n`);
  process.exit(1);
});
