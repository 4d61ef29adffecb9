import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDate, GraphQLDateTime, GraphQLEmailAddress, GraphQLURL } from 'graphql-scalars';
import { GeoPoint, Node } from '../node/node.types';
import { ConnectionType } from '../../common/relay';

export enum AllyKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
}
registerEnumType(AllyKind, { name: 'AllyKind', description: 'An organisation or a person.' });

export enum OrganizationType {
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  STATE_SERVICE = 'STATE_SERVICE',
  PUBLIC_AGENCY = 'PUBLIC_AGENCY',
  NETWORK = 'NETWORK',
  ASSOCIATION = 'ASSOCIATION',
  COOPERATIVE = 'COOPERATIVE',
  COMPANY = 'COMPANY',
  CONSULTANCY = 'CONSULTANCY',
  RESEARCH_EDUCATION = 'RESEARCH_EDUCATION',
  MEDIA = 'MEDIA',
  FOUNDATION = 'FOUNDATION',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationType, { name: 'OrganizationType', description: 'The kind of organisation.' });

export enum ThemeRole {
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
}
registerEnumType(ThemeRole, {
  name: 'ThemeRole',
  description: 'Role in a thematic tribe or a learning community.',
  valuesConfig: { LEAD: { description: 'Leads it (chef·fe de tribu).' }, MEMBER: { description: 'Takes part in it.' } },
});

export enum ContributionRole {
  REFERENT = 'REFERENT',
  MEMBER = 'MEMBER',
  CARRIER = 'CARRIER',
}
registerEnumType(ContributionRole, {
  name: 'ContributionRole',
  description: 'Role of an ally in a chantier.',
  valuesConfig: {
    REFERENT: { description: 'Referent: coordinates the chantier.' },
    MEMBER: { description: 'Contributes to it.' },
    CARRIER: { description: 'Carries it (its project owner).' },
  },
});

export enum EventRole {
  SPEAKER = 'SPEAKER',
  ORGANIZER = 'ORGANIZER',
  HOST = 'HOST',
  PARTICIPANT = 'PARTICIPANT',
}
registerEnumType(EventRole, { name: 'EventRole', description: 'Role of an ally at an event.' });

@ObjectType({
  implements: Node,
  description:
    'An ally: an organisation or a person who signed the Charter. Organisation-only fields (organizationType, siren, members) are null or empty for persons; person-only fields (affiliations) are empty for organisations. A person whose profile is not public is invisible to anonymous readers.',
})
export class Ally extends Node {
  @Field({ description: 'Human key, used by imports and URLs (e.g. "cerdd").' })
  slug!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => AllyKind, { description: 'ORGANIZATION or PERSON.' })
  kind!: AllyKind;

  @Field(() => OrganizationType, { nullable: true, description: 'Kind of organisation (organisations only).' })
  organizationType?: OrganizationType;

  @Field(() => String, { nullable: true, description: 'What the ally does.' })
  description?: string;

  @Field(() => GraphQLURL, { nullable: true, description: 'Website.' })
  website?: string;

  @Field(() => String, { nullable: true, description: 'SIREN number (organisations only; 9 digits).' })
  siren?: string;

  @Field(() => GraphQLEmailAddress, { nullable: true, description: 'Contact email. Null unless the viewer may see it (editors, admins, the ally itself).' })
  email?: string;

  @Field(() => GeoPoint, { nullable: true, description: 'Position for maps.' })
  location?: GeoPoint;

  @Field(() => Boolean, { description: 'Whether anonymous readers may see this ally (always true for organisations).' })
  public!: boolean;

  @Field(() => GraphQLDate, { nullable: true, description: 'When the ally signed the Charter.' })
  charterSignedOn?: string;

  @Field(() => GraphQLDateTime, { description: 'When this ally was created in Archipel.' })
  createdAt!: string;

  @Field(() => GraphQLDateTime, { description: 'When this ally last changed in Archipel.' })
  updatedAt!: string;
}

export const AllyConnection = ConnectionType('Ally', Ally, 'ally');

@ObjectType({ description: 'A person affiliated to an organisation (e.g. its director).' })
export class Affiliation {
  @Field(() => Ally, { description: 'The person.' })
  person!: Ally;

  @Field(() => Ally, { description: 'The organisation.' })
  organization!: Ally;

  @Field(() => String, { nullable: true, description: 'Role in the organisation, as written by the source (e.g. "directeur").' })
  role?: string;
}

export const AffiliationConnection = ConnectionType('Affiliation', Affiliation, 'affiliation');
