import { Field, Int, ObjectType } from 'type-graphql';
import { Territory } from '../territory/territory.types';
import { Theme } from '../theme/theme.types';

@ObjectType({ description: 'Counts for one territory: the choropleth feed (join on territory.level and territory.code).' })
export class TerritoryStat {
  @Field(() => Territory, { description: 'The territory (its ref, code and level name it unambiguously).' })
  territory!: Territory;

  @Field(() => Int, { description: 'Allies based or acting within it (each once), visible to you.' })
  allies!: number;

  @Field(() => Int, { description: 'Of which organisations.' })
  organizations!: number;

  @Field(() => Int, { description: 'Of which persons.' })
  persons!: number;

  @Field(() => Int, { description: 'Chantiers located within it.' })
  chantiers!: number;
}

@ObjectType({ description: 'Counts for one theme (tribe).' })
export class ThemeStat {
  @Field(() => Theme, { description: 'The theme.' })
  theme!: Theme;

  @Field(() => Int, { description: 'Allies working on it, visible to you.' })
  allies!: number;

  @Field(() => Int, { description: 'Of which its leads (chef·fe·s de tribu).' })
  leads!: number;

  @Field(() => Int, { description: 'Chantiers addressing it.' })
  chantiers!: number;
}
