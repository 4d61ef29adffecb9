import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, pageRequest } from '../../common/relay';
import { listConnection, nodeByKey, NodeRow, outRelated, relatedConnection } from '../node/node.repository';
import { ThemeRole } from '../ally/ally.types';
import { Theme } from '../theme/theme.types';
import { CommunityMembershipConnection, LearningCommunity, LearningCommunityConnection } from './community.types';

@Resolver(() => LearningCommunity)
export class LearningCommunityResolver {
  @Query(() => LearningCommunity, { nullable: true, description: 'A learning community by slug.' })
  learningCommunity(@Arg('slug', { description: 'The community’s slug.' }) slug: string, @Ctx() ctx: Context) {
    return nodeByKey(ctx, 'LearningCommunity').load(slug);
  }

  @Query(() => LearningCommunityConnection, { description: 'All learning communities, by name.' })
  learningCommunities(@Args() page: ConnectionArgs, @Ctx() ctx: Context) {
    return listConnection(ctx, 'LearningCommunity', pageRequest(page, 'NAME:ASC'));
  }

  @FieldResolver(() => [Theme], { description: 'Themes it is about.' })
  async themes(@Root() c: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, c, 'ABOUT')).map((x) => x.node);
  }

  @FieldResolver(() => CommunityMembershipConnection, { description: 'Its members, with their role; by name.' })
  members(
    @Root() c: NodeRow,
    @Args() page: ConnectionArgs,
    @Arg('role', () => ThemeRole, { nullable: true, description: 'Only this role.' }) role: ThemeRole | undefined,
    @Ctx() ctx: Context,
  ) {
    return relatedConnection(ctx, c, { dir: 'in', types: ['MEMBER_OF_COMMUNITY'], role: role ?? null, targetLabel: 'Ally' }, pageRequest(page, 'NAME:ASC'), (r) => ({
      ally: r.node,
      community: c,
      role: r.rel.role,
    }));
  }
}
