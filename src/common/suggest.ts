import { suggestionList } from 'graphql/jsutils/suggestionList';
import { foldForSort } from './text';

/**
 * What to tell someone who named an unknown value: the closest known ones (graphql-js's own
 * "Did you mean" ranking, accents and case folded: "energy" → "energie"), else the known values
 * themselves when they are few. Empty when there is nothing useful to say.
 */
export function suggestKnown(unknown: string, known: readonly string[], plural = 'values', listAtMost = 12): string {
  const folded = new Map(known.map((k) => [foldForSort(k), k]));
  const closest = suggestionList(foldForSort(unknown), [...folded.keys()]).slice(0, 3).map((k) => `"${folded.get(k)}"`);
  if (closest.length) return `did you mean ${closest.join(' or ')}?`;
  if (known.length === 0) return `there are no ${plural} yet`;
  if (known.length <= listAtMost) return `known: ${known.join(', ')}`;
  return `known: ${known.slice(0, listAtMost).join(', ')}, … (${known.length} in all)`;
}
