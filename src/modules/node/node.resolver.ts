import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { BadUserInputError } from '../../errors/app-errors';
import { fromGlobalId, toGlobalId } from '../../common/relay';
import { Node, typeOfRow } from './node.types';
import { nodeById, NodeRow } from './node.repository';

const MAX_NODES = 100;

@Resolver(() => Node)
export class NodeResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque, stable identifier.' })
  id(@Root() row: NodeRow): string {
    return toGlobalId(typeOfRow(row), row.id);
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global id; null when it does not exist or is not visible to you.' })
  async node(@Arg('id', () => ID, { description: 'A global id, as returned by any `id` field.' }) id: string, @Ctx() ctx: Context): Promise<NodeRow | null> {
    return loadByGlobalId(ctx, id, 'id');
  }

  @Query(() => [Node], { nullable: 'items', description: `Several objects by global id (at most ${MAX_NODES}), in the order asked; null for each one that does not exist or is not visible.` })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[], @Ctx() ctx: Context): Promise<(NodeRow | null)[]> {
    if (ids.length > MAX_NODES) throw new BadUserInputError(`ids: at most ${MAX_NODES} ids per request (got ${ids.length})`, 'ids');
    return Promise.all(ids.map((id, i) => loadByGlobalId(ctx, id, `ids[${i}]`)));
  }
}

async function loadByGlobalId(ctx: Context, globalId: string, argument: string): Promise<NodeRow | null> {
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(`${argument}: "${globalId}" is not a global id; use an id returned by the API`, argument);
  const row = await nodeById(ctx).load(parsed.id);
  return row && typeOfRow(row) === parsed.type ? row : null;
}
