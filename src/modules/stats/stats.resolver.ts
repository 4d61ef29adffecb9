import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { TerritoryLevel } from '../territory/territory.types';
import { NetworkFilter } from '../network/network.types';
import { networkFilterParams } from '../network/network.filter';
import { TerritoryStat, ThemeStat } from './stats.types';
import { territoryStats, themeStats, withinArgument } from './stats.repository';

@Resolver()
export class StatsResolver {
  @Query(() => [TerritoryStat], {
    description:
      'Per territory of a level within a territory (default: the whole country), by code: how many allies are based or act within it (organisations, persons) and how many chantiers are located within it. The filter selects the allies as in `network`; its objective, themes, territory and chantier also select the chantiers. Every territory of that level in the graph is listed, with zeros.',
  })
  territoryStats(
    @Arg('level', () => TerritoryLevel, { description: 'One row per territory of this level.' }) level: TerritoryLevel,
    @Arg('within', () => String, { nullable: true, description: 'Only territories within this one (a ref above `level`; default "country:FR").' }) within: string | undefined,
    @Arg('filter', () => NetworkFilter, { nullable: true, description: 'Which allies and chantiers are counted.' }) filter: NetworkFilter | undefined,
    @Ctx() ctx: Context,
  ) {
    const ref = withinArgument(within, level);
    return territoryStats(ctx, level, ref, networkFilterParams(filter));
  }

  @Query(() => [ThemeStat], {
    description:
      'Per theme (by name; only the filter’s themes when it names some): its allies and leads, and the chantiers addressing it. The filter selects allies and chantiers as in `territoryStats`.',
  })
  themeStats(@Arg('filter', () => NetworkFilter, { nullable: true, description: 'Which allies and chantiers are counted.' }) filter: NetworkFilter | undefined, @Ctx() ctx: Context) {
    return themeStats(ctx, networkFilterParams(filter));
  }
}
