/** The readable reasons of a suggestion, from what its score is made of. */
export interface SuggestionParts {
  common: string[];
  themes: string[];
  place: { level: string; name: string } | null;
}

const MAX_NAMES = 3;

function names(list: string[]): string {
  const sorted = [...new Set(list)].sort((a, b) => a.localeCompare(b, 'fr'));
  return sorted.length > MAX_NAMES ? `${sorted.slice(0, MAX_NAMES).join(', ')}…` : sorted.join(', ');
}

/** E.g. ["3 collaborators in common: A, B, C", "both work on Énergie", "both in Hauts-de-France"]. */
export function suggestionReasons(p: SuggestionParts): string[] {
  const reasons: string[] = [];
  const common = [...new Set(p.common)];
  if (common.length) reasons.push(`${common.length} collaborator${common.length > 1 ? 's' : ''} in common: ${names(common)}`);
  if (p.themes.length) reasons.push(`both work on ${p.themes.join(', ')}`);
  if (p.place) reasons.push(`both in ${p.place.name}`);
  return reasons;
}
