import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchemaSync, NonEmptyArray } from 'type-graphql';
import { SystemResolver } from './modules/system/system.resolver';

/** Every resolver class of the API. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [SystemResolver];

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
