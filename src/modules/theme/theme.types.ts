import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.types';
import { ConnectionType } from '../../common/relay';
import { ThemeRole } from '../ally/ally.types';

@ObjectType({ implements: Node, description: 'A theme of the transition, and the tribe of allies working on it (energy, food, citizen involvement…).' })
export class Theme extends Node {
  @Field({ description: 'Human key ("energie").' })
  slug!: string;

  @Field({ description: 'Display name ("Énergie").' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the theme covers.' })
  description?: string;
}

export const ThemeConnection = ConnectionType('Theme', Theme, 'theme');

@ObjectType({ description: "An ally's place in a theme's tribe." })
export class AllyTheme {
  @Field(() => Theme, { description: 'The theme.' })
  theme!: Theme;

  @Field(() => ThemeRole, { description: 'LEAD (chef·fe de tribu) or MEMBER.' })
  role!: ThemeRole;
}
