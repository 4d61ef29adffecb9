import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';

@ObjectType('Viewer', { description: 'Who you are for this API, and what you may see.' })
class ViewerInfo {
  @Field({ description: 'anonymous, editor, admin or ally.' })
  kind!: string;

  @Field({ description: 'Whether you may see persons whose profile is not public.' })
  canSeePrivate!: boolean;

  @Field({ description: 'Whether you may see email addresses.' })
  canSeeEmails!: boolean;
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerInfo, { description: 'Who you are. Reads are public; writes (coming) need a bearer token.' })
  viewer(@Ctx() ctx: Context): ViewerInfo {
    const { kind, canSeePrivate, canSeeEmails } = ctx.viewer;
    return { kind, canSeePrivate, canSeeEmails };
  }
}
