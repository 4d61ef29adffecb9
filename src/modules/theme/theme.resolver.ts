import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, pageRequest } from '../../common/relay';
import { inRelated, listConnection, nodeByKey, NodeRow, outRelated } from '../node/node.repository';
import { Ally, AllyConnection } from '../ally/ally.types';
import { AllyFilter, AllyOrder } from '../ally/ally.inputs';
import { alliesConnection, allyOrderKey } from '../ally/ally.repository';
import { ChantierConnection } from '../chantier/chantier.types';
import { ChantierFilter, ChantierOrder } from '../chantier/chantier.inputs';
import { chantierOrderKey, chantiersConnection } from '../chantier/chantier.repository';
import { Theme, ThemeConnection } from './theme.types';

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => Theme, { nullable: true, description: 'A theme by slug.' })
  theme(@Arg('slug', { description: 'The theme’s slug ("energie").' }) slug: string, @Ctx() ctx: Context) {
    return nodeByKey(ctx, 'Theme').load(slug);
  }

  @Query(() => ThemeConnection, { description: 'All themes, by name.' })
  themes(@Args() page: ConnectionArgs, @Ctx() ctx: Context) {
    return listConnection(ctx, 'Theme', pageRequest(page, 'NAME:ASC'));
  }

  @FieldResolver(() => Theme, { nullable: true, description: 'The broader theme this one is part of.' })
  async parent(@Root() theme: NodeRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, theme, 'SUBTHEME_OF'))[0]?.node ?? null;
  }

  @FieldResolver(() => [Theme], { description: 'Narrower themes.' })
  async subthemes(@Root() theme: NodeRow, @Ctx() ctx: Context) {
    return (await inRelated(ctx, ['SUBTHEME_OF'], { targetLabel: 'Theme' }).load(theme)).map((r) => r.node);
  }

  @FieldResolver(() => [Ally], { description: 'The leads of this theme’s tribe (chef·fes de tribu).' })
  async leads(@Root() theme: NodeRow, @Ctx() ctx: Context) {
    return (await inRelated(ctx, ['WORKS_ON'], { role: 'LEAD', targetLabel: 'Ally' }).load(theme)).map((r) => r.node);
  }

  @FieldResolver(() => AllyConnection, { description: 'Allies working on this theme (its tribe), leads and members.' })
  allies(
    @Root() theme: NodeRow,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AllyFilter, { nullable: true, description: 'Which allies.' }) filter: AllyFilter | undefined,
    @Arg('orderBy', () => AllyOrder, { nullable: true, description: 'Sort order (default NAME ASC).' }) orderBy: AllyOrder | undefined,
    @Ctx() ctx: Context,
  ) {
    return alliesConnection(ctx, { theme: theme.slug as string }, filter, orderBy, pageRequest(page, allyOrderKey(orderBy).key));
  }

  @FieldResolver(() => ChantierConnection, { description: 'Chantiers addressing this theme.' })
  chantiers(
    @Root() theme: NodeRow,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ChantierFilter, { nullable: true, description: 'Which chantiers.' }) filter: ChantierFilter | undefined,
    @Arg('orderBy', () => ChantierOrder, { nullable: true, description: 'Sort order (default TITLE ASC).' }) orderBy: ChantierOrder | undefined,
    @Ctx() ctx: Context,
  ) {
    return chantiersConnection(ctx, { theme: theme.slug as string }, filter, orderBy, pageRequest(page, chantierOrderKey(orderBy)));
  }
}
