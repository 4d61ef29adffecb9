import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { GraphQLDate } from 'graphql-scalars';
import { Latitude as GraphQLLatitude, Longitude as GraphQLLongitude } from '../../common/coordinates';
import { AllyKind, OrganizationType } from './ally.types';
import { SortDirection } from '../node/node.types';

export enum MatchMode {
  ANY = 'ANY',
  ALL = 'ALL',
}
registerEnumType(MatchMode, { name: 'MatchMode', description: 'ANY: at least one of the values; ALL: every value.' });

@InputType({ description: 'Allies within this distance of a point.' })
export class NearInput {
  @Field(() => GraphQLLatitude, { description: 'Latitude of the centre.' })
  latitude!: number;

  @Field(() => GraphQLLongitude, { description: 'Longitude of the centre.' })
  longitude!: number;

  @Field(() => Float, { description: 'Radius in kilometres (0 < radiusKm ≤ 2000).' })
  radiusKm!: number;
}

@InputType({ description: 'A bounding box (a map view): south ≤ latitude ≤ north, west ≤ longitude ≤ east.' })
export class BoundingBoxInput {
  @Field(() => GraphQLLatitude, { description: 'Southern latitude.' })
  south!: number;

  @Field(() => GraphQLLongitude, { description: 'Western longitude.' })
  west!: number;

  @Field(() => GraphQLLatitude, { description: 'Northern latitude.' })
  north!: number;

  @Field(() => GraphQLLongitude, { description: 'Eastern longitude.' })
  east!: number;
}

@InputType({ description: 'Which allies to return. Every given condition must hold (AND).' })
export class AllyFilter {
  @Field(() => AllyKind, { nullable: true, description: 'Only organisations, or only persons.' })
  kind?: AllyKind;

  @Field(() => [OrganizationType], { nullable: true, description: 'Organisations of any of these types.' })
  organizationTypes?: OrganizationType[];

  @Field(() => [String], { nullable: true, description: 'Theme slugs; see themesMatch. An unknown slug is an error.' })
  themes?: string[];

  @Field(() => MatchMode, { nullable: true, description: 'ANY (default): working on at least one of `themes`; ALL: on every one.' })
  themesMatch?: MatchMode;

  @Field(() => String, {
    nullable: true,
    description: 'A territory ref ("region:32", "departement:62", "62528"): allies based or acting within it (the territory and everything PART_OF it).',
  })
  territory?: string;

  @Field(() => String, { nullable: true, description: 'Contributing to this chantier (slug).' })
  chantier?: string;

  @Field(() => String, { nullable: true, description: 'Contributing to a chantier that serves this Charter objective (code, e.g. "2").' })
  objective?: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'Signed the Charter on or after this date.' })
  signedAfter?: string;

  @Field(() => GraphQLDate, { nullable: true, description: 'Signed the Charter on or before this date.' })
  signedBefore?: string;

  @Field(() => NearInput, { nullable: true, description: 'Located within radiusKm of a point.' })
  near?: NearInput;

  @Field(() => BoundingBoxInput, { nullable: true, description: 'Located within a bounding box.' })
  within?: BoundingBoxInput;

  @Field(() => String, { nullable: true, description: 'Full-text, accent- and case-insensitive ("energie" finds "Énergie"); every word must match.' })
  text?: string;
}

export enum AllyOrderField {
  NAME = 'NAME',
  CHARTER_SIGNED_ON = 'CHARTER_SIGNED_ON',
  DEGREE = 'DEGREE',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(AllyOrderField, {
  name: 'AllyOrderField',
  description: 'How to sort allies; ties are broken by id, so paging is stable. Allies without a value come last.',
  valuesConfig: {
    NAME: { description: 'By name, accents and case folded (French order).' },
    CHARTER_SIGNED_ON: { description: 'By the date they signed the Charter.' },
    DEGREE: { description: 'By number of visible connections.' },
    CREATED_AT: { description: 'By creation in Archipel.' },
  },
});

@InputType({ description: 'Sort order of allies.' })
export class AllyOrder {
  @Field(() => AllyOrderField, { description: 'Sort key.' })
  field!: AllyOrderField;

  @Field(() => SortDirection, { nullable: true, description: 'ASC (default) or DESC.' })
  direction?: SortDirection;
}
