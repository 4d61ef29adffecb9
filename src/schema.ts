import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, NonEmptyArray } from 'type-graphql';
import { SystemResolver } from './modules/system/system.resolver';
import { ViewerResolver } from './modules/system/viewer.resolver';
import { NodeResolver } from './modules/node/node.resolver';
import { AllyResolver } from './modules/ally/ally.resolver';
import { TerritoryResolver } from './modules/territory/territory.resolver';
import { ThemeResolver } from './modules/theme/theme.resolver';
import { ChantierResolver } from './modules/chantier/chantier.resolver';
import { CharterObjectiveResolver, CharterResolver } from './modules/charter/charter.resolver';
import { EventResolver } from './modules/event/event.resolver';
import { ResourceResolver } from './modules/resource/resource.resolver';
import { LearningCommunityResolver } from './modules/community/community.resolver';
import { AllyNetworkResolver } from './modules/network/ally-network.resolver';
import { NetworkResolver } from './modules/network/network.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { StatsResolver } from './modules/stats/stats.resolver';

/** Every resolver class of the API. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  SystemResolver,
  ViewerResolver,
  NodeResolver,
  AllyResolver,
  TerritoryResolver,
  ThemeResolver,
  ChantierResolver,
  CharterResolver,
  CharterObjectiveResolver,
  EventResolver,
  ResourceResolver,
  LearningCommunityResolver,
  AllyNetworkResolver,
  NetworkResolver,
  SearchResolver,
  StatsResolver,
];

let cached: GraphQLSchema | undefined;

/** The executable schema, built once per process. */
export function buildArchipelSchema(): GraphQLSchema {
  cached ??= buildSchemaSync({ resolvers, validate: false, emitSchemaFile: false });
  return cached;
}

/** The SDL as committed in schema/schema.graphql: sorted, so diffs only show real changes. */
export function printArchipelSchema(schema = buildArchipelSchema()): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
