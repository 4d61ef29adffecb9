import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, pageRequest } from '../../common/relay';
import { listConnection, nodeByKey, NodeRow, outRelated, relatedConnection } from '../node/node.repository';
import { AllyConnection } from '../ally/ally.types';
import { AllyFilter, AllyOrder } from '../ally/ally.inputs';
import { alliesConnection, allyOrderKey, territoryArgument } from '../ally/ally.repository';
import { ChantierConnection } from '../chantier/chantier.types';
import { ChantierFilter, ChantierOrder } from '../chantier/chantier.inputs';
import { chantierOrderKey, chantiersConnection } from '../chantier/chantier.repository';
import { Territory, TerritoryConnection, TerritoryLevel } from './territory.types';
import type { TerritoryLevel as ModelTerritoryLevel } from '../../graph/model';

const NAME_ORDER = 'NAME:ASC';

/**
 * A territory as the node loaders return it (`node/by-keys`, PART_OF relations): the field
 * resolvers' root. The keys are the graph model's (src/graph/model.ts).
 */
export type TerritoryRow = NodeRow & { ref: string; code: string; level: ModelTerritoryLevel; name: string | null };

@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => Territory, { nullable: true, description: 'A territory by ref ("region:32", "departement:62", "62528"); null when it is not in the graph.' })
  territory(@Arg('ref', { description: 'Territory ref; a bare 2–3 character code is refused as ambiguous.' }) ref: string, @Ctx() ctx: Context) {
    return nodeByKey(ctx, 'Territory').load(territoryArgument(ref, 'ref'));
  }

  @Query(() => TerritoryConnection, { description: 'Territories in the graph, by name; optionally of one level.' })
  territories(
    @Args() page: ConnectionArgs,
    @Arg('level', () => TerritoryLevel, { nullable: true, description: 'Only this level.' }) level: TerritoryLevel | undefined,
    @Ctx() ctx: Context,
  ) {
    return listConnection(ctx, 'Territory', pageRequest(page, NAME_ORDER), level ?? null);
  }

  @FieldResolver(() => [Territory], { description: 'The territories this one is directly part of (département, EPCI, région, country).' })
  async parents(@Root() t: TerritoryRow, @Ctx() ctx: Context) {
    return (await outRelated(ctx, t, 'PART_OF')).map((r) => r.node);
  }

  @FieldResolver(() => TerritoryConnection, { description: 'The territories directly part of this one, by name; optionally of one level.' })
  children(
    @Root() t: TerritoryRow,
    @Args() page: ConnectionArgs,
    @Arg('level', () => TerritoryLevel, { nullable: true, description: 'Only this level (e.g. the EPCI of a département).' }) level: TerritoryLevel | undefined,
    @Ctx() ctx: Context,
  ) {
    return relatedConnection(ctx, t, { dir: 'in', types: ['PART_OF'], targetLabel: 'Territory', level: level ?? null }, pageRequest(page, NAME_ORDER), (r) => r.node);
  }

  @FieldResolver(() => AllyConnection, { description: 'Allies based or acting within this territory (it and everything part of it).' })
  allies(
    @Root() t: TerritoryRow,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AllyFilter, { nullable: true, description: 'Which allies.' }) filter: AllyFilter | undefined,
    @Arg('orderBy', () => AllyOrder, { nullable: true, description: 'Sort order (default NAME ASC).' }) orderBy: AllyOrder | undefined,
    @Ctx() ctx: Context,
  ) {
    return alliesConnection(ctx, { territory: t.ref }, filter, orderBy, pageRequest(page, allyOrderKey(orderBy).key));
  }

  @FieldResolver(() => ChantierConnection, { description: 'Chantiers located within this territory.' })
  chantiers(
    @Root() t: TerritoryRow,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ChantierFilter, { nullable: true, description: 'Which chantiers.' }) filter: ChantierFilter | undefined,
    @Arg('orderBy', () => ChantierOrder, { nullable: true, description: 'Sort order (default TITLE ASC).' }) orderBy: ChantierOrder | undefined,
    @Ctx() ctx: Context,
  ) {
    return chantiersConnection(ctx, { territory: t.ref }, filter, orderBy, pageRequest(page, chantierOrderKey(orderBy)));
  }
}
