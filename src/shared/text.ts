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
