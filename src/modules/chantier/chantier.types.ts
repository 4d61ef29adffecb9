import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDate, GraphQLDateTime, GraphQLURL } from 'graphql-scalars';
import { Node } from '../node/node.types';
import { ConnectionType } from '../../common/relay';
import { Ally, ContributionRole } from '../ally/ally.types';

export enum ChantierKind {
  COLLECTIVE = 'COLLECTIVE',
  FLAGSHIP = 'FLAGSHIP',
}
registerEnumType(ChantierKind, { name: 'ChantierKind', description: "COLLECTIVE: a chantier of the alliance; FLAGSHIP: an ally's flagship project." });

export enum ChantierStatus {
  PROPOSED = 'PROPOSED',
  VALIDATED = 'VALIDATED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(ChantierStatus, { name: 'ChantierStatus', description: 'Where a chantier stands.' });

@ObjectType({ implements: Node, description: 'A chantier: a collective project of allies, serving Charter objectives, on themes, in territories.' })
export class Chantier extends Node {
  @Field({ description: 'Human key.' })
  slug!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What it is about.' })
  summary?: string;

  @Field(() => ChantierKind, { nullable: true, description: 'COLLECTIVE or FLAGSHIP (null: unknown).' })
  kind?: ChantierKind;

  @Field(() => ChantierStatus, { nullable: true, description: 'Status (null: unknown).' })
  status?: ChantierStatus;

  @Field(() => GraphQLDate, { nullable: true, description: 'When it was launched.' })
  launchedOn?: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'When it was validated (e.g. by an assembly of allies).' })
  validatedOn?: string;

  @Field(() => GraphQLURL, { nullable: true, description: 'Website.' })
  website?: string;

  @Field(() => GraphQLDateTime, { description: 'When it was created in Archipel.' })
  createdAt!: string;

  @Field(() => GraphQLDateTime, { description: 'When it last changed in Archipel.' })
  updatedAt!: string;
}

export const ChantierConnection = ConnectionType('Chantier', Chantier, 'chantier');

@ObjectType({ description: 'An ally contributing to a chantier, with its role.' })
export class Contribution {
  @Field(() => Ally, { description: 'The ally.' })
  ally!: Ally;

  @Field(() => Chantier, { description: 'The chantier.' })
  chantier!: Chantier;

  @Field(() => ContributionRole, { description: 'REFERENT, MEMBER or CARRIER.' })
  role!: ContributionRole;

  @Field(() => GraphQLDate, { nullable: true, description: 'Since when.' })
  since?: string;
}

export const ContributionConnection = ConnectionType('Contribution', Contribution, 'contribution');
