import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.types';

export enum SearchType {
  ALLY = 'ALLY',
  CHANTIER = 'CHANTIER',
  THEME = 'THEME',
  TERRITORY = 'TERRITORY',
  RESOURCE = 'RESOURCE',
  EVENT = 'EVENT',
  LEARNING_COMMUNITY = 'LEARNING_COMMUNITY',
}
registerEnumType(SearchType, { name: 'SearchType', description: 'A kind of object that search can find.' });

/** The graph label of each search type. */
export const SEARCH_LABELS: Record<SearchType, string> = {
  ALLY: 'Ally',
  CHANTIER: 'Chantier',
  THEME: 'Theme',
  TERRITORY: 'Territory',
  RESOURCE: 'Resource',
  EVENT: 'Event',
  LEARNING_COMMUNITY: 'LearningCommunity',
};

@ObjectType({ description: 'One search result.' })
export class SearchHit {
  @Field(() => Float, { description: 'Relevance (Lucene score): higher is better. Comparable within one search only.' })
  score!: number;

  @Field(() => Node, { description: 'What was found.' })
  node!: Node;
}
