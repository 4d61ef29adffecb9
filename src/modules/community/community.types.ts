import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.types';
import { ConnectionType } from '../../common/relay';
import { Ally, ThemeRole } from '../ally/ally.types';

@ObjectType({ implements: Node, description: 'A learning community of allies (communauté apprenante).' })
export class LearningCommunity extends Node {
  @Field({ description: 'Human key.' })
  slug!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What it learns about.' })
  description?: string;
}

export const LearningCommunityConnection = ConnectionType('LearningCommunity', LearningCommunity, 'learning community');

@ObjectType({ description: 'An ally in a learning community, with its role.' })
export class CommunityMembership {
  @Field(() => Ally, { description: 'The ally.' })
  ally!: Ally;

  @Field(() => LearningCommunity, { description: 'The community.' })
  community!: LearningCommunity;

  @Field(() => ThemeRole, { description: 'LEAD or MEMBER.' })
  role!: ThemeRole;
}

export const CommunityMembershipConnection = ConnectionType('CommunityMembership', CommunityMembership, 'membership');

