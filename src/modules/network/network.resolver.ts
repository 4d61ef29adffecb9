import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '../../common/selection';
import type { Context } from '../../context';
import { CollaborationPath, Network, NetworkFilter, NetworkProjection } from './network.types';
import { buildNeighbourhood, buildNetwork, DEFAULT_NETWORK_EDGES, DEFAULT_NETWORK_NODES, depthArgument, MAX_DEPTH, MAX_NETWORK_EDGES, MAX_NETWORK_NODES, maxEdgesArgument, maxNodesArgument, networkArguments } from './network.service';
import { collaborationPath, MAX_HOPS, maxHopsArgument } from './network.repository';

/** The root fields of who works with whom: paths (and, below, networks). */
@Resolver()
export class NetworkResolver {
  @Query(() => CollaborationPath, {
    nullable: true,
    description: `The shortest chain of collaborations from one ally to another (ally → shared context → ally …), or null when they are more than maxHops collaborations apart. When several chains are equally short, the one whose allies, read from \`from\`, come first by name (then id) at the first place they differ. Never passes through an ally you may not see.`,
  })
  async collaborationPath(
    @Arg('from', { description: 'Slug of the first ally.' }) from: string,
    @Arg('to', { description: 'Slug of the last ally.' }) to: string,
    @Arg('maxHops', () => Int, { nullable: true, description: `Longest chain searched, in collaborations, 1–${MAX_HOPS} (default ${MAX_HOPS}).` }) maxHops: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<CollaborationPath | null> {
    const steps = await collaborationPath(ctx, from, to, maxHopsArgument(maxHops));
    return steps ? { hops: steps.length - 1, steps: steps as never } : null;
  }

  @Query(() => Network, {
    description: `The network of the allies a filter selects, for a network view: de-duplicated nodes and edges, each node with its degree, Louvain community and betweenness computed on the returned subgraph. At most maxNodes nodes: when there are more, the most connected are kept and \`truncated\` says so; at most maxEdges edges, the heaviest (\`edgesTruncated\`).`,
  })
  network(
    @Arg('filter', () => NetworkFilter, { nullable: true, description: 'Which allies (default: all).' }) filter: NetworkFilter | undefined,
    @Arg('maxNodes', () => Int, { nullable: true, description: `At most this many nodes, 1–${MAX_NETWORK_NODES} (default ${DEFAULT_NETWORK_NODES}).` }) maxNodes: number | undefined,
    @Arg('projection', () => NetworkProjection, { nullable: true, description: 'BIPARTITE (default) or COLLABORATION.' }) projection: NetworkProjection | undefined,
    @Arg('maxEdges', () => Int, { nullable: true, description: `At most this many edges, the heaviest, 1–${MAX_NETWORK_EDGES} (default ${DEFAULT_NETWORK_EDGES}).` }) maxEdges: number | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Network> {
    const args = networkArguments(filter, maxNodes, maxEdges);
    return buildNetwork(ctx, args.f, args.maxNodes, projection ?? NetworkProjection.BIPARTITE, selects(info, ['nodes', 'betweenness']), args.maxEdges);
  }

  @Query(() => Network, {
    nullable: true,
    description: 'The network around one object (any type; an ally for COLLABORATION), up to depth steps away; null when it does not exist or is not visible to you. The centre is always kept; otherwise as `network`.',
  })
  neighbourhood(
    @Arg('id', () => ID, { description: 'Global id of the centre.' }) id: string,
    @Arg('depth', () => Int, { nullable: true, description: `Steps from the centre, 1–${MAX_DEPTH} (default 1).` }) depth: number | undefined,
    @Arg('maxNodes', () => Int, { nullable: true, description: `At most this many nodes, 1–${MAX_NETWORK_NODES} (default ${DEFAULT_NETWORK_NODES}).` }) maxNodes: number | undefined,
    @Arg('projection', () => NetworkProjection, { nullable: true, description: 'BIPARTITE (default) or COLLABORATION.' }) projection: NetworkProjection | undefined,
    @Arg('maxEdges', () => Int, { nullable: true, description: `At most this many edges, the heaviest, 1–${MAX_NETWORK_EDGES} (default ${DEFAULT_NETWORK_EDGES}).` }) maxEdges: number | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Network | null> {
    const d = depthArgument(depth);
    const n = maxNodesArgument(maxNodes);
    const m = maxEdgesArgument(maxEdges);
    return buildNeighbourhood(ctx, id, d, n, projection ?? NetworkProjection.BIPARTITE, selects(info, ['nodes', 'betweenness']), m);
  }
}
