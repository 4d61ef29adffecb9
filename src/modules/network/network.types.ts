import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.types';
import { Ally } from '../ally/ally.types';
import { ConnectionType, DEFAULT_PAGE, MAX_PAGE } from '../../common/relay';

@ObjectType({ description: 'An ally who works with another one, and through what (the shared contexts).' })
export class Collaborator {
  @Field(() => Ally, { description: 'The collaborator.' })
  ally!: Ally;

  @Field(() => Int, { description: 'Number of contexts the two allies share (chantiers, learning communities, membership).' })
  weight!: number;

  @Field(() => [Node], {
    description: 'The shared contexts: the chantiers both contribute to, the learning communities both belong to, and the organisation when one is a member of the other. Chantiers first, then communities, then the organisation; each by title or name.',
  })
  via!: Node[];
}

export const CollaboratorConnection = ConnectionType('Collaborator', Collaborator, 'collaborator');

@ArgsType()
export class CollaboratorsArgs {
  @Field(() => String, { nullable: true, description: 'Only collaborators working on this theme (a theme slug).' })
  theme?: string;

  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE} (default ${DEFAULT_PAGE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return the collaborators after this cursor.' })
  after?: string;
}

@ObjectType({ description: 'One step of a collaboration path: the next ally, and the contexts it shares with the previous one.' })
export class PathStep {
  @Field(() => Ally, { description: 'The ally reached at this step (the first step is `from`).' })
  ally!: Ally;

  @Field(() => [Node], { description: 'Contexts shared with the previous step’s ally (empty on the first step), ordered as Collaborator.via.' })
  via!: Node[];
}

@ObjectType({ description: 'The shortest chain of collaborations between two allies.' })
export class CollaborationPath {
  @Field(() => Int, { description: 'Number of collaborations on the chain (steps − 1).' })
  hops!: number;

  @Field(() => [PathStep], { description: 'The allies from `from` to `to`, in order.' })
  steps!: PathStep[];
}
