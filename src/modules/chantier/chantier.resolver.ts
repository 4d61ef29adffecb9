import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, pageRequest } from '../../common/relay';
import { inRelated, nodeByKey, NodeRow, outRelated, relatedConnection } from '../node/node.repository';
import { Ally, ContributionRole } from '../ally/ally.types';
import { Theme } from '../theme/theme.types';
import { Territory } from '../territory/territory.types';
import { CharterObjective } from '../charter/charter.types';
import { Event } from '../event/event.types';
import { Chantier, ChantierConnection, ContributionConnection } from './chantier.types';
import { ChantierFilter, ChantierOrder } from './chantier.inputs';
import { chantierOrderKey, chantiersConnection } from './chantier.repository';
import { selectedProps, selectedRelProps } from '../node/projection';

@Resolver(() => Chantier)
export class ChantierResolver {
  @Query(() => Chantier, { nullable: true, description: 'A chantier by slug.' })
  chantier(@Arg('slug', { description: 'The chantier’s slug.' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeByKey(ctx, 'Chantier', selectedProps(info, 'Chantier')).load(slug);
  }

  @Query(() => ChantierConnection, { description: 'Chantiers, filtered (all conditions must hold) and ordered (default: by title).' })
  chantiers(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ChantierFilter, { nullable: true, description: 'Which chantiers.' }) filter: ChantierFilter | undefined,
    @Arg('orderBy', () => ChantierOrder, { nullable: true, description: 'Sort order (default TITLE ASC).' }) orderBy: ChantierOrder | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return chantiersConnection(ctx, {}, filter, orderBy, pageRequest(page, chantierOrderKey(orderBy)), 'filter', info);
  }

  @FieldResolver(() => [CharterObjective], { description: 'The Charter objectives this chantier serves.' })
  async objectives(@Root() c: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outRelated(ctx, c, 'SERVES', { props: selectedProps(info, 'CharterObjective'), rel: [] })).map((r) => r.node);
  }

  @FieldResolver(() => [Theme], { description: 'The themes it addresses.' })
  async themes(@Root() c: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outRelated(ctx, c, 'ADDRESSES', { props: selectedProps(info, 'Theme'), rel: [] })).map((r) => r.node);
  }

  @FieldResolver(() => [Territory], { description: 'Where it takes place.' })
  async territories(@Root() c: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outRelated(ctx, c, 'LOCATED_IN', { props: selectedProps(info, 'Territory'), rel: [] })).map((r) => r.node);
  }

  @FieldResolver(() => [Event], { description: 'Events where it was presented (e.g. validated at an assembly).' })
  async events(@Root() c: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, c, 'PRESENTED_AT')).map((r) => r.node);
  }

  @FieldResolver(() => ContributionConnection, { description: 'The allies contributing to it, with their role; by name.' })
  participants(
    @Root() c: NodeRow,
    @Args() page: ConnectionArgs,
    @Arg('role', () => ContributionRole, { nullable: true, description: 'Only this role.' }) role: ContributionRole | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const projected = { props: selectedProps(info, 'Ally', ['edges', 'node', 'ally']), rel: selectedRelProps(info, ['edges', 'node']) };
    return relatedConnection(ctx, c, { dir: 'in', types: ['CONTRIBUTES_TO'], role: role ?? null, targetLabel: 'Ally', ...projected }, pageRequest(page, 'NAME:ASC'), (r) => ({
      ally: r.node,
      chantier: c,
      role: r.rel.role,
      since: r.rel.since ?? null,
    }));
  }

  @FieldResolver(() => [Ally], { description: 'Its referents (contributors with the REFERENT role).' })
  async referents(@Root() c: NodeRow, @Ctx() ctx: Context) {
    return (await inRelated(ctx, ['CONTRIBUTES_TO'], { role: 'REFERENT', targetLabel: 'Ally' }).load(c)).map((r) => r.node);
  }
}
