import { Field, Float, ID, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import type { NodeRow } from './node.repository';

/** The GraphQL type of a node row, from its labels. */
export function typeOfRow(row: NodeRow): string {
  const labels = row._labels;
  for (const t of ['Ally', 'Territory', 'Theme', 'Chantier', 'Charter', 'CharterObjective', 'Event', 'Resource', 'LearningCommunity']) {
    if (labels.includes(t)) return t;
  }
  throw new Error(`node with labels ${labels.join(':')} has no GraphQL type`);
}

@InterfaceType({
  description: 'An object with a global id (Relay). Fetch any object again with `node(id)`.',
  resolveType: (row: NodeRow) => typeOfRow(row),
})
export abstract class Node {
  /** Resolved by NodeResolver.id (the row's own `id` is the raw uuid, not the global id). */
  @Field(() => ID, { description: 'Global, opaque, stable identifier.' })
  id!: string;
}

@ObjectType({ description: 'A WGS-84 position.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in decimal degrees.' })
  latitude!: number;

  @Field(() => Float, { description: 'Longitude in decimal degrees.' })
  longitude!: number;
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });
