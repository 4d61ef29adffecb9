import { Field, ObjectType } from 'type-graphql';
import { GraphQLDate } from 'graphql-scalars';
import { Node } from '../node/node.types';

@ObjectType({ implements: Node, description: 'The Charter the allies sign (the Charte d’alliance).' })
export class Charter extends Node {
  @Field({ description: 'Human key.' })
  slug!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'When it was adopted (null: unknown).' })
  adoptedOn?: string;
}

@ObjectType({ implements: Node, description: 'An objective of the Charter, which chantiers serve.' })
export class CharterObjective extends Node {
  @Field({ description: 'Its code ("1" … "4").' })
  code!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it means.' })
  description?: string;
}
