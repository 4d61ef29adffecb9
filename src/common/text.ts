import { BadUserInputError } from '../errors/app-errors';

/**
 * Folds a French label to its sort key: lower case, accents removed, ligatures expanded
 * ("Énergie" → "energie", "Cœur" → "coeur"), so that ordering by name follows what a French
 * reader expects instead of code points (where "É" sorts after "z").
 */
export function foldForSort(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .trim();
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Bounds of a full-text argument (DESIGN §6), checked before Lucene sees it: a very long prefix term
 * overflows Lucene's automaton, and more than 1,024 words its clause limit, both INTERNAL errors
 * otherwise. Defaults here; the server sets the configured ones (ARCHIPEL_MAX_TEXT_CHARS/_WORDS).
 */
export interface TextBounds {
  maxChars: number;
  maxWords: number;
}

let textBounds: TextBounds = { maxChars: 200, maxWords: 32 };

export function setTextBounds(bounds: TextBounds): void {
  textBounds = { ...bounds };
}

/**
 * A user's words as a Lucene query for the full-text index: every word must match, as a prefix
 * ("ener" finds "Énergie"). Words are folded here because wildcard terms are not analysed by
 * Lucene, and escaped so that no input can change the query's structure. Null when no word remains.
 * BAD_USER_INPUT naming `argument` when the text is longer than the bounds.
 */
export function toFullTextQuery(text: string, argument = 'text', bounds: TextBounds = textBounds): string | null {
  if (text.length > bounds.maxChars) {
    throw new BadUserInputError(
      `${argument}: at most ${bounds.maxChars} characters (got ${text.length}); search for fewer or shorter words`,
      argument,
    );
  }
  const words = foldForSort(text)
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, '').trim())
    .filter(Boolean);
  if (words.length > bounds.maxWords) {
    throw new BadUserInputError(`${argument}: at most ${bounds.maxWords} words (got ${words.length}); search for fewer words`, argument);
  }
  if (!words.length) return null;
  return words.map((w) => `${w}*`).join(' AND ');
}
