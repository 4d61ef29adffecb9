import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startTestApi, startTestApiOn, TestApi } from '../helpers/api';
import { generateSyntheticBundle } from '../../src/modules/bundle/synthetic';
import { ISSUE_QUERY } from '../helpers/hostile-queries';

/**
 * The budget of one request (DESIGN §6, issue #9): the 431-byte query of the issue, with the limits
 * checked before execution raised so that only the budget can stop it, on 1,000 synthetic allies
 * (before: 65–79 s, other requests waiting 60 s, then the heap ran out and the process died).
 *
 * No wall-clock figure is asserted (the machine is shared): that `{ __typename }` is answered between
 * the heavy request's turns, that the heavy request is stopped within the order of magnitude of its
 * budget, and that the server is alive and has let go of the answer's memory afterwards. The latency
 * figures (probes' median, p99, max; the stop time; the server's event-loop delay) are measured by
 * `npm run bench:budget` (bench/budget-bench.ts).
 */

/** A full collection in this process (the server runs in it), for the memory figures. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;
describe('the budget of one request', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApiOn(generateSyntheticBundle({ allies: 1000, seed: 1 }), {
      ARCHIPEL_MAX_DEPTH: '30',
      ARCHIPEL_MAX_ESTIMATED_NODES: '1000000000000',
      ARCHIPEL_REQUEST_TIMEOUT_S: '5',
    });
  }, 180_000);
  afterAll(() => api.close());

  it('stops the query of the issue with QUERY_TOO_COMPLEX while { __typename } keeps answering, and the server stays up', async () => {
    // Warm: the same query shapes with pages of 2, so that Neo4j has planned them (a cold plan alone
    // takes seconds) and what the budget stops is the size of the answer.
    // Through another API on the same graph, with the tests' long budget: planning is Neo4j's, shared.
    const warmer = await startTestApi({ env: { ARCHIPEL_MAX_DEPTH: '30' } });
    try {
      const warm = await warmer.gql<{ allies: { edges: unknown[] } }>(ISSUE_QUERY.replaceAll('first: 100', 'first: 2'));
      expect(warm.errors).toBeUndefined();
      expect(warm.data!.allies.edges).toHaveLength(2);
    } finally {
      await warmer.close();
    }
    collectGarbage();
    const heapBefore = heapMb();
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, heapMb())), 50);
    let done = false;
    const heavy = api.gql(ISSUE_QUERY).finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const probe = await api.gql<{ __typename: string }>('{ __typename }');
      if (done) break;
      expect(probe.errors).toBeUndefined();
      expect(probe.data).toEqual({ __typename: 'Query' });
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await heavy;
    clearInterval(sampler);
    expect(res.status).toBe(200);
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    // The probes were answered during the heavy request, between its turns, not after it.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    const sorted = [...latencies].sort((a, b) => a - b);
    const line = api.logs.find((l) => l.msg === 'graphql request' && l.durationMs !== undefined && (l.errorCodes as string[] | undefined)?.includes('QUERY_TOO_COMPLEX'));
    // Stopped by its budget (5 s), within that order of magnitude: before the budget it ran 65–79 s. Ten
    // times the budget leaves room for a machine at load 10 and more.
    expect(line).toBeDefined();
    expect(line!.durationMs as number).toBeLessThan(10 * 5_000);
    // One error for the whole request, not one per unresolved field.
    expect(line!.errors).toBe(1);
    // The answer built so far was let go: after a full collection the heap is back near where it was.
    collectGarbage();
    const heapAfter = heapMb();
    expect(heapAfter - heapBefore).toBeLessThan(48);
    // Figures for the report (speed is measured by npm run bench:budget, not asserted: the machine is shared).
    console.log(
      `budget: heavy request ${String(line?.durationMs)} ms, ${String(line?.roundTrips)} round trips: ${res.errors![0].message}; ` +
        `${latencies.length} probes, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms, ` +
        `${latencies.filter((l) => l > 100).length} over 100 ms; heap ${heapBefore.toFixed(0)} MB before, ${heapPeak.toFixed(0)} MB at most during, ${heapAfter.toFixed(0)} MB after`,
    );
    const live = await api.get('/livez');
    expect(live.status).toBe(200);
    // GraphQL answers are never stored by caches (sent by Archipel since Apollo's cache-control plugin is off).
    const plain = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('no-store');
    const after = await api.gql<{ allies: { totalCount: number } }>('{ allies(first: 1) { totalCount } }');
    expect(after.errors).toBeUndefined();
    expect(after.data!.allies.totalCount).toBeGreaterThan(900);
  }, 120_000);
});
