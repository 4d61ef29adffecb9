import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { ConnectionArgs, PageRequest, pageRequest } from '../../common/relay';
import type { ResolveTree } from 'graphql-parse-resolve-info';
import { asksAhead, listAsk, ListAsk, nodeByKeyAhead, NodeRow, outList, pageAsk, relatedConnection, RelatedPageOptions } from '../node/node.repository';
import { Territory } from '../territory/territory.types';
import { AllyTheme } from '../theme/theme.types';
import { ContributionConnection } from '../chantier/chantier.types';
import { LearningCommunity } from '../community/community.types';
import { EventParticipation } from '../event/event.types';
import { Resource } from '../resource/resource.types';
import { Affiliation, AffiliationConnection, Ally, AllyConnection, ContributionRole } from './ally.types';
import { AllyFilter, AllyOrder } from './ally.inputs';
import { alliesConnection, allyOrderKey, degreeOf } from './ally.repository';
import { perField, propsAt, relPropsAt, selectedProps } from '../node/projection';

const NAME_ORDER = 'NAME:ASC';

/** Ally.chantiers' list and page, from the field's arguments and selection. */
function chantiersList(args: ConnectionArgs & { role?: ContributionRole | null }, tree: ResolveTree | null): { opts: RelatedPageOptions; req: PageRequest } {
  return {
    opts: { dir: 'out', types: ['CONTRIBUTES_TO'], role: args.role ?? null, targetLabel: 'Chantier', props: propsAt(tree, 'Chantier', ['edges', 'node', 'chantier']), rel: relPropsAt(tree, ['edges', 'node']) },
    req: pageRequest(args, NAME_ORDER),
  };
}

/**
 * The out-relation lists of Ally's fields, each made from the field's parsed selection and
 * arguments: the field's resolver reads its list by it, and ally(slug) reads the selected ones
 * ahead, in the round trip that finds the ally (an ally card: one round trip, not two).
 */
const OUT_LISTS: Readonly<Record<string, (tree: ResolveTree | null) => ListAsk>> = {
  basedIn: (t) => listAsk(['BASED_IN'], { props: propsAt(t, 'Territory'), rel: [] }),
  actsIn: (t) => listAsk(['ACTS_IN'], { props: propsAt(t, 'Territory'), rel: [] }),
  themes: (t) => listAsk(['WORKS_ON'], { props: propsAt(t, 'Theme', ['theme']), rel: ['role'] }),
  affiliations: () => listAsk(['MEMBER_OF']),
  communities: () => listAsk(['MEMBER_OF_COMMUNITY']),
  events: () => listAsk(['TOOK_PART_IN']),
  resources: () => listAsk(['AUTHORED']),
  chantiers: (t) => {
    const { opts, req } = chantiersList(t?.args ?? {}, t);
    return pageAsk(opts, req);
  },
};

/** A field's list, as OUT_LISTS makes it (once per request and field). */
const outListOf = (info: GraphQLResolveInfo, field: keyof typeof OUT_LISTS) => perField(info, `ally.${field}`, OUT_LISTS[field]);

@Resolver(() => Ally)
export class AllyResolver {
  @Query(() => Ally, { nullable: true, description: 'An ally by slug; null when unknown or not visible to you.' })
  ally(@Arg('slug', { description: 'The ally’s slug.' }) slug: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return nodeByKeyAhead(ctx, 'Ally', slug, selectedProps(info, 'Ally'), asksAhead(info, 'Ally', OUT_LISTS));
  }

  @Query(() => AllyConnection, { description: 'Allies, filtered (all conditions must hold) and ordered (default: by name).' })
  allies(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AllyFilter, { nullable: true, description: 'Which allies.' }) filter: AllyFilter | undefined,
    @Arg('orderBy', () => AllyOrder, { nullable: true, description: 'Sort order (default NAME ASC).' }) orderBy: AllyOrder | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return alliesConnection(ctx, {}, filter, orderBy, pageRequest(page, allyOrderKey(orderBy).key), 'filter', info);
  }

  @FieldResolver(() => Territory, { nullable: true, description: 'Where the ally has its seat.' })
  async basedIn(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outList(ctx, ally, outListOf(info, 'basedIn')))[0]?.node ?? null;
  }

  @FieldResolver(() => [Territory], { description: 'Territories the ally acts in.' })
  async actsIn(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outList(ctx, ally, outListOf(info, 'actsIn'))).map((r) => r.node);
  }

  @FieldResolver(() => [AllyTheme], { description: 'The themes (tribes) the ally works on, with its role.' })
  async themes(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outList(ctx, ally, outListOf(info, 'themes'))).map((r) => ({ theme: r.node, role: r.rel.role }));
  }

  @FieldResolver(() => ContributionConnection, { description: 'The chantiers the ally contributes to, with its role; by chantier title.' })
  chantiers(
    @Root() ally: NodeRow,
    @Args() page: ConnectionArgs,
    @Arg('role', () => ContributionRole, { nullable: true, description: 'Only this role.' }) role: ContributionRole | undefined,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { opts, req } = perField(info, 'ally.chantiers', (t) => chantiersList({ ...page, role }, t));
    return relatedConnection(ctx, ally, opts, req, (r) => ({
      ally,
      chantier: r.node,
      role: r.rel.role,
      since: r.rel.since ?? null,
    }));
  }

  @FieldResolver(() => [Affiliation], { description: 'Organisations this person belongs to (empty for organisations).' })
  async affiliations(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outList(ctx, ally, outListOf(info, 'affiliations'))).map((r) => ({ person: ally, organization: r.node, role: r.rel.role ?? null }));
  }

  @FieldResolver(() => AffiliationConnection, { description: 'Persons affiliated to this organisation (empty for persons); by name.' })
  members(@Root() ally: NodeRow, @Args() page: ConnectionArgs, @Ctx() ctx: Context) {
    return relatedConnection(ctx, ally, { dir: 'in', types: ['MEMBER_OF'], targetLabel: 'Ally' }, pageRequest(page, NAME_ORDER), (r) => ({
      person: r.node,
      organization: ally,
      role: r.rel.role ?? null,
    }));
  }

  @FieldResolver(() => [LearningCommunity], { description: 'Learning communities the ally belongs to.' })
  async communities(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outList(ctx, ally, outListOf(info, 'communities'))).map((r) => r.node);
  }

  @FieldResolver(() => [EventParticipation], { description: 'Events the ally took part in, with its role.' })
  async events(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outList(ctx, ally, outListOf(info, 'events'))).map((r) => ({ ally, event: r.node, role: r.rel.role }));
  }

  @FieldResolver(() => [Resource], { description: 'Resources the ally authored.' })
  async resources(@Root() ally: NodeRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await outList(ctx, ally, outListOf(info, 'resources'))).map((r) => r.node);
  }

  @FieldResolver(() => Int, { description: 'Number of connections of this ally (themes, chantiers, territories, events, affiliations…) visible to you.' })
  async degree(@Root() ally: NodeRow, @Ctx() ctx: Context) {
    return degreeOf(ctx, ally);
  }
}
