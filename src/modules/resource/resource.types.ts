import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDate, GraphQLURL } from 'graphql-scalars';
import { Node } from '../node/node.types';
import { ConnectionType } from '../../common/relay';

export enum ResourceKind {
  PODCAST = 'PODCAST',
  PUBLICATION = 'PUBLICATION',
  VIDEO = 'VIDEO',
  EXHIBITION = 'EXHIBITION',
  TOOL = 'TOOL',
  ARTICLE = 'ARTICLE',
}
registerEnumType(ResourceKind, { name: 'ResourceKind', description: 'Kind of resource.' });

@ObjectType({ implements: Node, description: 'A resource of the common heritage: a publication, a podcast, a tool…' })
export class Resource extends Node {
  @Field({ description: 'Human key.' })
  slug!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => ResourceKind, { nullable: true, description: 'Kind (null: unknown).' })
  kind?: ResourceKind;

  @Field(() => GraphQLURL, { nullable: true, description: 'Where to find it.' })
  url?: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'When it was published.' })
  publishedOn?: string;
}

export const ResourceConnection = ConnectionType('Resource', Resource, 'resource');
