import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, pageRequest } from '../../common/relay';
import { inRelated, listConnection, nodeByKey, NodeRow, outRelated } from '../node/node.repository';
import { Ally } from '../ally/ally.types';
import { Theme } from '../theme/theme.types';
import { Event } from '../event/event.types';
import { Resource, ResourceConnection } from './resource.types';

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, { nullable: true, description: 'A resource by slug.' })
  resource(@Arg('slug', { description: 'The resource’s slug.' }) slug: string, @Ctx() ctx: Context) {
    return nodeByKey(ctx, 'Resource').load(slug);
  }

  @Query(() => ResourceConnection, { description: 'All resources, by title.' })
  resources(@Args() page: ConnectionArgs, @Ctx() ctx: Context) {
    return listConnection(ctx, 'Resource', pageRequest(page, 'NAME:ASC'));
  }

  @FieldResolver(() => [Ally], { description: 'Its authors.' })
  async authors(@Root() r: NodeRow, @Ctx() ctx: Context) {
    return (await inRelated(ctx, ['AUTHORED'], { targetLabel: 'Ally' }).load(r)).map((x) => x.node);
  }

  @FieldResolver(() => [Theme], { description: 'Themes it is about.' })
  async themes(@Root() r: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, r, 'ABOUT')).map((x) => x.node);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event it came out of.' })
  async event(@Root() r: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, r, 'FROM_EVENT'))[0]?.node ?? null;
  }
}
