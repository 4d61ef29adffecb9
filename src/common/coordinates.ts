import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { GraphQLLatitude, GraphQLLongitude } from 'graphql-scalars';

/**
 * graphql-scalars' Latitude and Longitude, also accepting integer literals: a user writes
 * `within: { south: 41, … }`, and `41` is as much a latitude as `41.0` (graphql-scalars takes only
 * floats and strings in a literal). Range checks and everything else are graphql-scalars'.
 */
function acceptingIntegers(scalar: GraphQLScalarType): GraphQLScalarType {
  const config = scalar.toConfig();
  return new GraphQLScalarType({
    ...config,
    parseLiteral(ast: ValueNode, variables) {
      if (ast.kind === Kind.INT) return config.parseLiteral!({ ...ast, kind: Kind.FLOAT }, variables);
      return config.parseLiteral!(ast, variables);
    },
  });
}

export const Latitude = acceptingIntegers(GraphQLLatitude);
export const Longitude = acceptingIntegers(GraphQLLongitude);
