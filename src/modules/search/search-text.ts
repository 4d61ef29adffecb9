import { foldForSort } from '../../common/text';

/**
 * French full-text search, both halves in one place: what a node stores in `searchText` (written by
 * the import, indexed by `search_all`, migration V0005) and how a user's text becomes a Lucene
 * query over it. Both sides fold accents, case and ligatures and drop French elisions ("l’énergie"
 * → "energie"), so every spelling meets the same words; Lucene's standard tokenizer alone keeps
 * "l'energie" as one word.
 */

/** Elided articles and pronouns before a vowel: l', d', j', m', n', s', t', c', qu', jusqu', lorsqu', puisqu'. */
const ELISION = /\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’ʼ]/g;

/** Folded words of a text: lower case, no accents, no elisions, split on anything but letters and digits. */
export function searchWords(text: string): string[] {
  return foldForSort(text)
    .replace(ELISION, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The stored search text of a node: the folded words of its texts and codes (e.g. a commune's INSEE and postal codes). */
export function searchableText(parts: (string | null | undefined)[]): string {
  return searchWords(parts.filter((p): p is string => typeof p === 'string').join(' ')).join(' ');
}

/** Words of at least this many letters tolerate one typo ("enrgie" finds "énergie"). */
export const FUZZY_MIN_LENGTH = 5;
/** At most this many words are searched (the rest is ignored). */
export const MAX_WORDS = 12;

/**
 * A user's text as a Lucene query: every word must match, exactly (boosted), as a prefix ("solai"
 * finds "solaire") or, for words of 5+ letters, with one edit. Words hold only [a-z0-9] once
 * folded, so no input can change the query's structure ("AND (", "*", "~", '"', "\" are searched
 * as the words they contain, or not at all). Null when the text holds no word.
 */
export function toSearchQuery(text: string): string | null {
  const words = searchWords(text).slice(0, MAX_WORDS);
  if (!words.length) return null;
  return words
    .map((w) => {
      const fuzzy = w.length >= FUZZY_MIN_LENGTH && /^[a-z]+$/.test(w) ? ` OR ${w}~1` : '';
      return `(${w}^4 OR ${w}*^2${fuzzy})`;
    })
    .join(' AND ');
}
