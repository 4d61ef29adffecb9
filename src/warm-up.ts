import type { ApolloServer } from '@apollo/server';
import type { Context } from './context';
import type { Logger } from './logger';
import { toGlobalId } from './common/relay';

/** An id no node has: `node(id)` then plans its query and answers null, on any graph. */
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Read operations run once at start, as soon as the server listens. A fresh Neo4j plans each query
 * shape the first time it sees it, with its planner's code not yet compiled by the JIT: the first
 * page of allies took 5–6 s there, over the 5 s transaction timeout of API requests, so a user's
 * first click failed. Running the read queries once fills Neo4j's plan cache (keyed by query text
 * and parameter types, not values) and warms the JIT; afterwards the same page takes ~0.1 s.
 *
 * The operations name no slug or code, so they run on any graph, empty or not, and they go through
 * the resolvers and repositories, so every Cypher file of the read path is planned as the API will
 * use it: root lists, nested scopes (territory, theme, objective, chantier), edges and loaders.
 *
 * It runs after the server starts listening, not before: it takes ~10 s on a cold Neo4j, which would
 * double a warm start. A request that comes meanwhile is served, only more slowly.
 */
export const WARM_UP_OPERATIONS: readonly string[] = [
  `query WarmUpAllies {
    allies(first: 20, orderBy: {field: NAME}, filter: {kind: ORGANIZATION, themesMatch: ALL}) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges { node {
        id name kind degree location { latitude longitude }
        basedIn { ref name parents { ref } }
        actsIn { ref }
        themes { role theme { slug name } }
        chantiers(first: 5) { totalCount edges { node { role chantier { slug objectives { code } } } } }
        members(first: 5) { totalCount edges { node { role person { name } } } }
        affiliations { organization { name } }
        communities { slug }
        events { role event { slug } }
        resources { slug }
      } }
    }
  }`,
  `query WarmUpChantiers {
    chantiers(first: 20, orderBy: {field: TITLE}) {
      totalCount
      edges { node {
        id title status
        objectives { code }
        themes { slug }
        territories { ref name }
        referents { name }
        participants(first: 5) { totalCount edges { node { role ally { name } } } }
        events { slug }
      } }
    }
  }`,
  `query WarmUpThemesAndTerritories {
    themes(first: 20) { edges { node {
      slug parent { slug } subthemes { slug } leads { name location { latitude longitude } }
      allies(first: 5, orderBy: {field: DEGREE, direction: DESC}) { totalCount edges { node { name } } }
      chantiers(first: 5) { totalCount edges { node { title } } }
    } } }
    territories(first: 5) { edges { node {
      ref name level
      children(first: 5) { totalCount edges { node { ref } } }
      allies(first: 5) { totalCount edges { node { name } } }
      chantiers(first: 5) { totalCount edges { node { title } } }
    } } }
  }`,
  `query WarmUpOthers {
    node(id: "${toGlobalId('Ally', NO_SUCH_ID)}") { id }
    charter { title objectives { code } }
    charterObjectives {
      code
      chantiers(first: 5) { totalCount edges { node { title } } }
      allies(first: 5) { totalCount edges { node { name } } }
    }
    events(first: 5) { edges { node { slug participants(first: 5) { totalCount } chantiers { slug } resources { slug } } } }
    resources(first: 5) { edges { node { slug authors { name } themes { slug } event { slug } } } }
    learningCommunities(first: 5) { edges { node { slug themes { slug } members(first: 5) { totalCount } } } }
  }`,
];

export interface WarmUpResult {
  operations: number;
  /** Operations that answered with errors (the server still starts: warming is an optimisation). */
  failed: number;
  ms: number;
}

/**
 * Runs the warm-up operations through Apollo, two at a time (planning is single-threaded per query,
 * and the machine the project targets has two cores). Never rejects: a failure is logged and counted.
 */
export async function warmUp(
  apollo: ApolloServer<Context>,
  contextFor: (operation: string) => Context,
  log: Logger,
  concurrency = 2,
): Promise<WarmUpResult> {
  const started = Date.now();
  let failed = 0;
  const queue = [...WARM_UP_OPERATIONS];
  const worker = async () => {
    for (let query = queue.shift(); query !== undefined; query = queue.shift()) {
      const operation = /query (\w+)/.exec(query)?.[1] ?? 'WarmUp';
      try {
        const response = await apollo.executeOperation({ query }, { contextValue: contextFor(operation) });
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.length) throw new Error(errors.map((e) => e.message).join('; '));
      } catch (err) {
        failed += 1;
        log.warn({ operation, err }, 'a warm-up query failed (only the first requests are slower)');
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { operations: WARM_UP_OPERATIONS.length, failed, ms: Date.now() - started };
}
