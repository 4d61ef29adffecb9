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
/** Lucene candidates read before the type and privacy filters. */
const CANDIDATES = 1000;

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

/** Ranked hits of a French full-text search; no hit (and no query) when the text holds no word. */
export async function search(ctx: Context, args: SearchArgs): Promise<{ score: number; node: NodeRow }[]> {
  const p = searchParams(args);
  if (p.query === null) return [];
  return ctx.db.read<{ score: number; node: NodeRow }>(searchQuery, {
    query: p.query,
    labels: p.labels,
    candidates: neo4j.int(CANDIDATES),
    limit: neo4j.int(p.first),
    ...privacyParams(ctx),
  });
}
