import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { DEFAULT_PAGE, MAX_PAGE } from '../../common/relay';
import { SearchHit, SearchType } from './search.types';
import { MAX_SEARCH_TEXT, search } from './search.repository';

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], {
    description:
      'French full-text search over allies, chantiers, themes, territories, resources, events and learning communities, best first. Accent-, case- and elision-insensitive ("energie", "ÉNERGIE", "l’énergie" find "Énergie"); every word must match, as a whole word, a prefix ("solai" finds "Solaire") or, for words of 5+ letters, with one typo ("enrgie"). A territory is also found by its INSEE code or, for a commune, its postal codes ("62750"). Any text is accepted: punctuation is not syntax.',
  })
  search(
    @Arg('text', { description: `What to look for (at most ${MAX_SEARCH_TEXT} characters).` }) text: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Only these kinds of objects (default: all).' }) types: SearchType[] | undefined,
    @Arg('first', () => Int, { nullable: true, description: `How many hits, 1–${MAX_PAGE} (default ${DEFAULT_PAGE}).` }) first: number | undefined,
    @Ctx() ctx: Context,
  ) {
    return search(ctx, { text, types, first });
  }
}
