import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDate } from 'graphql-scalars';
import { Node } from '../node/node.types';
import { ConnectionType } from '../../common/relay';
import { Ally, EventRole } from '../ally/ally.types';

export enum EventKind {
  ASSEMBLY = 'ASSEMBLY',
  WORKSHOP = 'WORKSHOP',
  TRAINING = 'TRAINING',
  WEBINAR = 'WEBINAR',
  OTHER = 'OTHER',
}
registerEnumType(EventKind, { name: 'EventKind', description: 'Kind of event.' });

@ObjectType({ implements: Node, description: 'An event of the alliance: an assembly of allies, a workshop, a training…' })
export class Event extends Node {
  @Field({ description: 'Human key.' })
  slug!: string;

  @Field({ description: 'Title.' })
  title!: string;

  @Field(() => EventKind, { nullable: true, description: 'Kind (null: unknown).' })
  kind?: EventKind;

  @Field(() => GraphQLDate, { nullable: true, description: 'First day.' })
  startsOn?: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'Last day.' })
  endsOn?: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether it took place online (null: unknown).' })
  online?: boolean;

  @Field(() => String, { nullable: true, description: 'Where.' })
  venue?: string;
}

export const EventConnection = ConnectionType('Event', Event, 'event');

@ObjectType({ description: 'An ally taking part in an event, with its role.' })
export class EventParticipation {
  @Field(() => Ally, { description: 'The ally.' })
  ally!: Ally;

  @Field(() => Event, { description: 'The event.' })
  event!: Event;

  @Field(() => EventRole, { description: 'SPEAKER, ORGANIZER, HOST or PARTICIPANT.' })
  role!: EventRole;
}

export const EventParticipationConnection = ConnectionType('EventParticipation', EventParticipation, 'participation');
