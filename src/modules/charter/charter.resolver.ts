import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { cypherQuery, type NoParams } from '../../db/cypher-registry';
import { ConnectionArgs, pageRequest } from '../../common/relay';
import { inRelated, nodeByKey, NodeRow, outRelated } from '../node/node.repository';
import { AllyConnection } from '../ally/ally.types';
import { AllyFilter, AllyOrder } from '../ally/ally.inputs';
import { alliesConnection, allyOrderKey } from '../ally/ally.repository';
import { ChantierConnection } from '../chantier/chantier.types';
import { ChantierFilter, ChantierOrder } from '../chantier/chantier.inputs';
import { chantierOrderKey, chantiersConnection } from '../chantier/chantier.repository';
import { Charter, CharterObjective } from './charter.types';
import { selectedProps } from '../node/projection';

/** A Charter as its queries return it: the field resolvers' root. */
export type CharterRow = NodeRow & { slug: string; title: string; adoptedOn?: string | null };
/** A Charter objective as its queries return it. */
export type CharterObjectiveRow = NodeRow & { code: string; title: string; description?: string | null };

const theCharter = cypherQuery<NoParams, { node: CharterRow }>('charter/find-charter', {});
const allObjectives = cypherQuery<NoParams, { node: CharterObjectiveRow }>('charter/list-objectives', {});

@Resolver(() => Charter)
export class CharterResolver {
  @Query(() => Charter, { nullable: true, description: 'The Charter of the alliance (null until one is imported).' })
  async charter(@Ctx() ctx: Context) {
    const [row] = await ctx.db.read(theCharter);
    return row?.node ?? null;
  }

  @FieldResolver(() => [CharterObjective], { description: 'Its objectives, by code.' })
  async objectives(@Root() charter: CharterRow, @Ctx() ctx: Context) {
    const rows = await inRelated(ctx, ['OBJECTIVE_OF'], { targetLabel: 'CharterObjective' }).load(charter);
    return rows.map((r) => r.node).sort((a, b) => String(a.code).localeCompare(String(b.code), 'fr', { numeric: true }));
  }
}

@Resolver(() => CharterObjective)
export class CharterObjectiveResolver {
  @Query(() => CharterObjective, { nullable: true, description: 'A Charter objective by code ("2").' })
  charterObjective(@Arg('code', { description: 'The objective’s code.' }) code: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeByKey(ctx, 'CharterObjective', selectedProps(info, 'CharterObjective')).load(code);
  }

  @Query(() => [CharterObjective], { description: 'The Charter objectives, by code.' })
  async charterObjectives(@Ctx() ctx: Context) {
    return (await ctx.db.read(allObjectives)).map((r) => r.node);
  }

  @FieldResolver(() => Charter, { nullable: true, description: 'The Charter it belongs to.' })
  async charter(@Root() o: CharterObjectiveRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, o, 'OBJECTIVE_OF'))[0]?.node ?? null;
  }

  @FieldResolver(() => ChantierConnection, { description: 'Chantiers serving this objective.' })
  chantiers(
    @Root() o: CharterObjectiveRow,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ChantierFilter, { nullable: true, description: 'Which chantiers.' }) filter: ChantierFilter | undefined,
    @Arg('orderBy', () => ChantierOrder, { nullable: true, description: 'Sort order (default TITLE ASC).' }) orderBy: ChantierOrder | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return chantiersConnection(ctx, { objective: o.code }, filter, orderBy, pageRequest(page, chantierOrderKey(orderBy)), 'filter', info);
  }

  @FieldResolver(() => AllyConnection, { description: 'Allies contributing to the chantiers that serve this objective.' })
  allies(
    @Root() o: CharterObjectiveRow,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AllyFilter, { nullable: true, description: 'Which allies.' }) filter: AllyFilter | undefined,
    @Arg('orderBy', () => AllyOrder, { nullable: true, description: 'Sort order (default NAME ASC).' }) orderBy: AllyOrder | undefined,
    @Ctx() ctx: Context,
  ) {
    return alliesConnection(ctx, { objective: o.code }, filter, orderBy, pageRequest(page, allyOrderKey(orderBy).key));
  }
}
