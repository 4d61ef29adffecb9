import neo4j from 'neo4j-driver';
import type { Context } from '../../context';
import { cypherQuery } from '../../db/cypher-registry';
import { BadUserInputError } from '../../errors/app-errors';
import { DEFAULT_PAGE, MAX_PAGE } from '../../common/relay';
import { NodeRow, privacyParams } from '../node/node.repository';
import { SEARCH_LABELS, SearchType } from './search.types';
import { toSearchQuery } from './search-text';

const searchQuery = cypherQuery('search/search');

export const MAX_SEARCH_TEXT = 200;
/**
 * Lucene candidates read (best first) before the type and privacy filters. When the bound cut
 * through hits tied with the page's last score, the page could hold the wrong ones of them (ties
 * are ordered by name, Lucene's cut is not): the search is then asked again with RETRY_CANDIDATES.
 */
const CANDIDATES = 1000;
const RETRY_CANDIDATES = 1_000_000;

export interface SearchArgs {
  text: string;
  types?: SearchType[];
  first?: number;
}

/** Checked before any Cypher runs: text length, page size. */
export function searchParams(args: SearchArgs) {
  if (args.text.length > MAX_SEARCH_TEXT) {
    throw new BadUserInputError(`text: at most ${MAX_SEARCH_TEXT} characters (got ${args.text.length})`, 'text');
  }
  const first = args.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw new BadUserInputError(`first: must be between 1 and ${MAX_PAGE} (got ${first})`, 'first');
  const labels = (args.types?.length ? args.types : Object.values(SearchType)).map((t) => SEARCH_LABELS[t]);
  return { query: toSearchQuery(args.text), labels, first };
}

/**
 * Whether a page read from at most `candidates` Lucene hits is the true page: Lucene returned fewer
 * than asked (every hit was read), or the page is full and its last score is above the lowest
 * candidate's (every hit scoring as much as a hit of the page was read, ties included).
 */
export function pageIsComplete(r: { read: number; lowest: number | null; hits: { score: number }[] }, candidates: number, first: number): boolean {
  if (r.read < candidates) return true;
  return r.hits.length === first && r.lowest !== null && r.hits[r.hits.length - 1].score > r.lowest;
}

/** Ranked hits of a French full-text search; no hit (and no query) when the text holds no word. */
export async function search(ctx: Context, args: SearchArgs): Promise<{ score: number; node: NodeRow }[]> {
  const p = searchParams(args);
  if (p.query === null) return [];
  const run = async (candidates: number) => {
    const [r] = await ctx.db.read<{ read: number; lowest: number | null; hits: { score: number; node: NodeRow }[] }>(searchQuery, {
      query: p.query,
      labels: p.labels,
      candidates: neo4j.int(candidates),
      limit: neo4j.int(p.first),
      ...privacyParams(ctx),
    });
    return r;
  };
  const r = await run(CANDIDATES);
  return pageIsComplete(r, CANDIDATES, p.first) ? r.hits : (await run(RETRY_CANDIDATES)).hits;
}
