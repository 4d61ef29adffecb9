import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { perField, selectsAt } from '../node/projection';
import type { Context } from '../../context';
import { pageRequest } from '../../common/relay';
import type { NodeRow } from '../node/node.repository';
import { Ally } from '../ally/ally.types';
import { CollaboratorConnection, CollaboratorsArgs, SuggestedCollaborator } from './network.types';
import { collaboratorsConnection, COLLABORATORS_ORDER, DEFAULT_SUGGESTIONS, MAX_SUGGESTIONS, suggestedCollaborators, suggestionsFirstArgument } from './network.repository';

/** The network fields of Ally (who works with whom), kept with the network module. */
@Resolver(() => Ally)
export class AllyNetworkResolver {
  @FieldResolver(() => CollaboratorConnection, {
    description:
      'Allies who work with this one: they contribute to the same chantier, belong to the same learning community, or one is a member of the other. Weight = number of shared contexts; ordered by weight (desc), then name, then id.',
  })
  collaborators(@Root() ally: NodeRow, @Args() args: CollaboratorsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const withTotal = perField(info, 'collaborators.total', (t) => selectsAt(t, ['totalCount']));
    return collaboratorsConnection(ctx, ally, args.theme ?? null, pageRequest({ first: args.first, after: args.after }, COLLABORATORS_ORDER), withTotal);
  }

  @FieldResolver(() => [SuggestedCollaborator], {
    description:
      'Allies this one does not collaborate with yet, best first (then by name): collaborators of its collaborators, and allies of the same région sharing a theme. See SuggestedCollaborator.score for the formula.',
  })
  suggestedCollaborators(
    @Root() ally: NodeRow,
    @Arg('first', () => Int, { nullable: true, description: `How many, 1–${MAX_SUGGESTIONS} (default ${DEFAULT_SUGGESTIONS}).` }) first: number | undefined,
    @Ctx() ctx: Context,
  ) {
    return suggestedCollaborators(ctx, ally, suggestionsFirstArgument(first));
  }
}
