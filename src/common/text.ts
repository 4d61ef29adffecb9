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
 * A user's words as a Lucene query for the full-text index: every word must match, as a prefix
 * ("ener" finds "Énergie"). Words are folded here because wildcard terms are not analysed by
 * Lucene, and escaped so that no input can change the query's structure. Null when no word remains.
 */
export function toFullTextQuery(text: string): string | null {
  const words = foldForSort(text)
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, '').trim())
    .filter(Boolean);
  if (!words.length) return null;
  return words.map((w) => `${w}*`).join(' AND ');
}
