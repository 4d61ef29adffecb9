import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Node } from '../node/node.types';
import { Ally, AllyKind } from '../ally/ally.types';
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

export enum NetworkProjection {
  BIPARTITE = 'BIPARTITE',
  COLLABORATION = 'COLLABORATION',
}
registerEnumType(NetworkProjection, {
  name: 'NetworkProjection',
  description: 'How a network is drawn.',
  valuesConfig: {
    BIPARTITE: { description: 'The graph as stored: allies and their contexts (themes, chantiers, learning communities, territories, organisations, and the chantiers’ objectives and themes).' },
    COLLABORATION: { description: 'Allies only; an edge joins two allies who collaborate, weighted by the number of contexts they share.' },
  },
});

@InputType({ description: 'Which allies a network is about; all conditions must hold. The same meanings as AllyFilter.' })
export class NetworkFilter {
  @Field(() => [String], { nullable: true, description: 'Allies working on any of these themes (slugs).' })
  themes?: string[];

  @Field(() => String, { nullable: true, description: 'Allies based or acting within this territory (a ref, e.g. "region:32": the territory and everything PART_OF it).' })
  territory?: string;

  @Field(() => String, { nullable: true, description: 'Allies contributing to a chantier that serves this Charter objective (its code).' })
  objective?: string;

  @Field(() => String, { nullable: true, description: 'Allies contributing to this chantier (slug).' })
  chantier?: string;

  @Field(() => [AllyKind], { nullable: true, description: 'Only these kinds of allies.' })
  kinds?: AllyKind[];
}

@ObjectType({ description: 'A node of a network, with its analytics computed on the returned subgraph.' })
export class NetworkNode {
  @Field(() => ID, { description: 'Global id (as `node(id)` takes it).' })
  id!: string;

  @Field({ description: 'GraphQL type of the object: Ally, Chantier, Theme, Territory, CharterObjective, LearningCommunity.' })
  type!: string;

  @Field({ description: 'Display label: name, title or ref.' })
  label!: string;

  @Field(() => GraphQLJSONObject, { description: 'A few properties for styling a view: slug or ref, code, kind, organizationType, level, status, latitude/longitude.' })
  attributes!: Record<string, unknown>;

  @Field(() => Int, { description: 'Number of neighbours in the returned subgraph.' })
  degree!: number;

  @Field(() => Int, { description: 'Louvain community in the returned subgraph (seeded: the same graph gives the same partition); see Network.communities.' })
  community!: number;

  @Field(() => Float, { description: 'Normalised betweenness centrality in the returned subgraph (0–1): how much this node bridges others. Computed only when selected (it is the costliest metric: about a second for 2000 nodes).' })
  betweenness!: number;
}

@ObjectType({ description: 'An edge of a network.' })
export class NetworkEdge {
  @Field(() => ID, { description: 'Stable id: type, source and target.' })
  id!: string;

  @Field(() => ID, { description: 'Global id of one end.' })
  source!: string;

  @Field(() => ID, { description: 'Global id of the other end.' })
  target!: string;

  @Field({ description: 'The relationship type as stored (WORKS_ON, CONTRIBUTES_TO, …), or COLLABORATES_WITH in the COLLABORATION projection.' })
  type!: string;

  @Field(() => Int, { description: '1 for a stored relationship; the number of shared contexts for COLLABORATES_WITH.' })
  weight!: number;
}

@ObjectType({ description: 'A Louvain community of a network.' })
export class NetworkCommunity {
  @Field(() => Int, { description: 'Its number, as NetworkNode.community: 0 is the largest.' })
  id!: number;

  @Field(() => Int, { description: 'Number of its nodes in the returned subgraph.' })
  size!: number;

  @Field({ description: 'The label of its most connected member.' })
  label!: string;
}

@ObjectType({ description: 'A de-duplicated network (never a tree): nodes, edges and their communities.' })
export class Network {
  @Field(() => [NetworkNode], { description: 'The nodes, most connected first.' })
  nodes!: NetworkNode[];

  @Field(() => [NetworkEdge], { description: 'The edges between returned nodes, at most maxEdges of them: the heaviest when there are more (`edgesTruncated`).' })
  edges!: NetworkEdge[];

  @Field({ description: 'True when there were more than maxNodes nodes: the most connected were kept.' })
  truncated!: boolean;

  @Field(() => Int, { description: 'Number of nodes before truncation.' })
  totalNodes!: number;

  @Field({ description: 'True when the returned nodes share more than maxEdges edges: the heaviest were kept (degrees and communities count them all).' })
  edgesTruncated!: boolean;

  @Field(() => Int, { description: 'Number of edges between the returned nodes, before maxEdges.' })
  totalEdges!: number;

  @Field(() => [NetworkCommunity], { description: 'The communities of the returned nodes, largest first.' })
  communities!: NetworkCommunity[];
}

@ObjectType({ description: 'An ally this one does not work with yet, and why it might.' })
export class SuggestedCollaborator {
  @Field(() => Ally, { description: 'The suggested ally.' })
  ally!: Ally;

  @Field(() => Float, {
    description:
      'Adamic–Adar over the collaboration graph (Σ 1/ln(number of collaborators of each common collaborator)) + 0.5 per shared theme + 1 for the same seat commune, else 0.5 for the same département, else 0.25 for the same région.',
  })
  score!: number;

  @Field(() => [String], { description: 'Why, for a person to read: common collaborators, shared themes, a shared place.' })
  reasons!: string[];
}
