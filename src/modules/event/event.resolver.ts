import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, pageRequest } from '../../common/relay';
import { inRelated, listConnection, nodeByKey, NodeRow, relatedConnection } from '../node/node.repository';
import { EventRole } from '../ally/ally.types';
import { Chantier } from '../chantier/chantier.types';
import { Resource } from '../resource/resource.types';
import { Event, EventConnection, EventParticipationConnection } from './event.types';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: 'An event by slug.' })
  event(@Arg('slug', { description: 'The event’s slug.' }) slug: string, @Ctx() ctx: Context) {
    return nodeByKey(ctx, 'Event').load(slug);
  }

  @Query(() => EventConnection, { description: 'All events, by title.' })
  events(@Args() page: ConnectionArgs, @Ctx() ctx: Context) {
    return listConnection(ctx, 'Event', pageRequest(page, 'NAME:ASC'));
  }

  @FieldResolver(() => EventParticipationConnection, { description: 'Allies who took part, with their role; by name.' })
  participants(
    @Root() e: NodeRow,
    @Args() page: ConnectionArgs,
    @Arg('role', () => EventRole, { nullable: true, description: 'Only this role.' }) role: EventRole | undefined,
    @Ctx() ctx: Context,
  ) {
    return relatedConnection(ctx, e, { dir: 'in', types: ['TOOK_PART_IN'], role: role ?? null, targetLabel: 'Ally' }, pageRequest(page, 'NAME:ASC'), (r) => ({
      ally: r.node,
      event: e,
      role: r.rel.role,
    }));
  }

  @FieldResolver(() => [Chantier], { description: 'Chantiers presented at this event.' })
  async chantiers(@Root() e: NodeRow, @Ctx() ctx: Context) {
    return (await inRelated(ctx, ['PRESENTED_AT'], { targetLabel: 'Chantier' }).load(e)).map((r) => r.node);
  }

  @FieldResolver(() => [Resource], { description: 'Resources that came out of this event.' })
  async resources(@Root() e: NodeRow, @Ctx() ctx: Context) {
    return (await inRelated(ctx, ['FROM_EVENT'], { targetLabel: 'Resource' }).load(e)).map((r) => r.node);
  }
}
