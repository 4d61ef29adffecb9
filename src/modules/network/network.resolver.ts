import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { CollaborationPath } from './network.types';
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
}
