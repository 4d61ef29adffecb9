import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, pageRequest } from '../../common/relay';
import { nodeByKey, NodeRow, outRelated, relatedConnection } from '../node/node.repository';
import { Territory } from '../territory/territory.types';
import { AllyTheme } from '../theme/theme.types';
import { ContributionConnection } from '../chantier/chantier.types';
import { LearningCommunity } from '../community/community.types';
import { EventParticipation } from '../event/event.types';
import { Resource } from '../resource/resource.types';
import { Affiliation, AffiliationConnection, Ally, AllyConnection, ContributionRole } from './ally.types';
import { AllyFilter, AllyOrder } from './ally.inputs';
import { alliesConnection, allyOrderKey, degreeOf } from './ally.repository';
import { selectedProps, selectedRelProps } from '../node/projection';

const NAME_ORDER = 'NAME:ASC';

@Resolver(() => Ally)
export class AllyResolver {
  @Query(() => Ally, { nullable: true, description: 'An ally by slug; null when unknown or not visible to you.' })
  ally(@Arg('slug', { description: 'The ally’s slug.' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeByKey(ctx, 'Ally', selectedProps(info, 'Ally')).load(slug);
  }

  @Query(() => AllyConnection, { description: 'Allies, filtered (all conditions must hold) and ordered (default: by name).' })
  allies(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AllyFilter, { nullable: true, description: 'Which allies.' }) filter: AllyFilter | undefined,
    @Arg('orderBy', () => AllyOrder, { nullable: true, description: 'Sort order (default NAME ASC).' }) orderBy: AllyOrder | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return alliesConnection(ctx, {}, filter, orderBy, pageRequest(page, allyOrderKey(orderBy).key), 'filter', info);
  }

  @FieldResolver(() => Territory, { nullable: true, description: 'Where the ally has its seat.' })
  async basedIn(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outRelated(ctx, ally, 'BASED_IN', { props: selectedProps(info, 'Territory'), rel: [] }))[0]?.node ?? null;
  }

  @FieldResolver(() => [Territory], { description: 'Territories the ally acts in.' })
  async actsIn(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outRelated(ctx, ally, 'ACTS_IN', { props: selectedProps(info, 'Territory'), rel: [] })).map((r) => r.node);
  }

  @FieldResolver(() => [AllyTheme], { description: 'The themes (tribes) the ally works on, with its role.' })
  async themes(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outRelated(ctx, ally, 'WORKS_ON', { props: selectedProps(info, 'Theme', ['theme']), rel: ['role'] })).map((r) => ({ theme: r.node, role: r.rel.role }));
  }

  @FieldResolver(() => ContributionConnection, { description: 'The chantiers the ally contributes to, with its role; by chantier title.' })
  chantiers(
    @Root() ally: NodeRow,
    @Args() page: ConnectionArgs,
    @Arg('role', () => ContributionRole, { nullable: true, description: 'Only this role.' }) role: ContributionRole | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const projected = { props: selectedProps(info, 'Chantier', ['edges', 'node', 'chantier']), rel: selectedRelProps(info, ['edges', 'node']) };
    return relatedConnection(ctx, ally, { dir: 'out', types: ['CONTRIBUTES_TO'], role: role ?? null, targetLabel: 'Chantier', ...projected }, pageRequest(page, NAME_ORDER), (r) => ({
      ally,
      chantier: r.node,
      role: r.rel.role,
      since: r.rel.since ?? null,
    }));
  }

  @FieldResolver(() => [Affiliation], { description: 'Organisations this person belongs to (empty for organisations).' })
  async affiliations(@Root() ally: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, ally, 'MEMBER_OF')).map((r) => ({ person: ally, organization: r.node, role: r.rel.role ?? null }));
  }

  @FieldResolver(() => AffiliationConnection, { description: 'Persons affiliated to this organisation (empty for persons); by name.' })
  members(@Root() ally: NodeRow, @Args() page: ConnectionArgs, @Ctx() ctx: Context) {
    return relatedConnection(ctx, ally, { dir: 'in', types: ['MEMBER_OF'], targetLabel: 'Ally' }, pageRequest(page, NAME_ORDER), (r) => ({
      person: r.node,
      organization: ally,
      role: r.rel.role ?? null,
    }));
  }

  @FieldResolver(() => [LearningCommunity], { description: 'Learning communities the ally belongs to.' })
  async communities(@Root() ally: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, ally, 'MEMBER_OF_COMMUNITY')).map((r) => r.node);
  }

  @FieldResolver(() => [EventParticipation], { description: 'Events the ally took part in, with its role.' })
  async events(@Root() ally: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, ally, 'TOOK_PART_IN')).map((r) => ({ ally, event: r.node, role: r.rel.role }));
  }

  @FieldResolver(() => [Resource], { description: 'Resources the ally authored.' })
  async resources(@Root() ally: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, ally, 'AUTHORED')).map((r) => r.node);
  }

  @FieldResolver(() => Int, { description: 'Number of connections of this ally (themes, chantiers, territories, events, affiliations…) visible to you.' })
  async degree(@Root() ally: NodeRow, @Ctx() ctx: Context) {
    return degreeOf(ctx, ally);
  }
}
