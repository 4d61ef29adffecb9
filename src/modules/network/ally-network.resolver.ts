import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { pageRequest } from '../../common/relay';
import type { NodeRow } from '../node/node.repository';
import { Ally } from '../ally/ally.types';
import { CollaboratorConnection, CollaboratorsArgs } from './network.types';
import { collaboratorsConnection, COLLABORATORS_ORDER } from './network.repository';

/** The network fields of Ally (who works with whom), kept with the network module. */
@Resolver(() => Ally)
export class AllyNetworkResolver {
  @FieldResolver(() => CollaboratorConnection, {
    description:
      'Allies who work with this one: they contribute to the same chantier, belong to the same learning community, or one is a member of the other. Weight = number of shared contexts; ordered by weight (desc), then name, then id.',
  })
  collaborators(@Root() ally: NodeRow, @Args() args: CollaboratorsArgs, @Ctx() ctx: Context) {
    return collaboratorsConnection(ctx, ally, args.theme ?? null, pageRequest({ first: args.first, after: args.after }, COLLABORATORS_ORDER));
  }
}
