import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDate } from 'graphql-scalars';
import { GeoPoint, Node } from '../node/node.types';
import { ConnectionType } from '../../common/relay';

export enum TerritoryLevel {
  COMMUNE = 'COMMUNE',
  EPCI = 'EPCI',
  DEPARTEMENT = 'DEPARTEMENT',
  REGION = 'REGION',
  COUNTRY = 'COUNTRY',
}
registerEnumType(TerritoryLevel, { name: 'TerritoryLevel', description: 'Administrative level of a territory (INSEE/COG).' });

@ObjectType({
  implements: Node,
  description:
    'A French territory from the official geography (COG): commune, EPCI, département, région or the country. Named by its `ref` ("commune:62528", "departement:62", "region:32"): INSEE codes alone are ambiguous (région 32 is Hauts-de-France, département 32 is Gers).',
})
export class Territory extends Node {
  @Field({ description: 'Unambiguous reference, level:code in lower case ("region:32").' })
  ref!: string;

  @Field({ description: 'INSEE/COG code ("62528", "2A", "32"), or the SIREN of an EPCI. Ambiguous alone: join on (level, code).' })
  code!: string;

  @Field(() => TerritoryLevel, { description: 'Administrative level.' })
  level!: TerritoryLevel;

  @Field({ description: 'Official name.' })
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Municipal population (communes, EPCI) or the sum of its communes (départements, régions, country).' })
  population?: number;

  @Field(() => GeoPoint, { nullable: true, description: 'A representative point, when known.' })
  center?: GeoPoint;

  @Field(() => Boolean, { nullable: true, description: 'Whether it is a pilot territory of the alliance (null: unknown).' })
  pilot?: boolean;

  @Field(() => GraphQLDate, { nullable: true, description: 'Pilot territory since.' })
  pilotSince?: string;
}

export const TerritoryConnection = ConnectionType('Territory', Territory, 'territory');
