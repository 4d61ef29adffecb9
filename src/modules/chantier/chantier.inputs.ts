import { Field, InputType, registerEnumType } from 'type-graphql';
import { ChantierKind, ChantierStatus } from './chantier.types';
import { SortDirection } from '../node/node.types';

@InputType({ description: 'Which chantiers to return. Every given condition must hold (AND).' })
export class ChantierFilter {
  @Field(() => String, { nullable: true, description: 'Serving this Charter objective (code, e.g. "2").' })
  objective?: string;

  @Field(() => [String], { nullable: true, description: 'Addressing at least one of these themes (slugs).' })
  themes?: string[];

  @Field(() => String, { nullable: true, description: 'Located within this territory (ref; the territory and everything PART_OF it).' })
  territory?: string;

  @Field(() => [ChantierStatus], { nullable: true, description: 'With one of these statuses.' })
  status?: ChantierStatus[];

  @Field(() => ChantierKind, { nullable: true, description: 'COLLECTIVE or FLAGSHIP.' })
  kind?: ChantierKind;

  @Field(() => String, { nullable: true, description: 'With this ally (slug) among its contributors.' })
  participant?: string;

  @Field(() => String, { nullable: true, description: 'Full-text, accent- and case-insensitive; every word must match.' })
  text?: string;
}

export enum ChantierOrderField {
  TITLE = 'TITLE',
  VALIDATED_ON = 'VALIDATED_ON',
  CREATED_AT = 'CREATED_AT',
}
registerEnumType(ChantierOrderField, { name: 'ChantierOrderField', description: 'How to sort chantiers; ties are broken by id. Chantiers without a value come last.' });

@InputType({ description: 'Sort order of chantiers.' })
export class ChantierOrder {
  @Field(() => ChantierOrderField, { description: 'Sort key.' })
  field!: ChantierOrderField;

  @Field(() => SortDirection, { nullable: true, description: 'ASC (default) or DESC.' })
  direction?: SortDirection;
}
