/** The requests of issue #9, shared by the limits tests. */

/** The 431-byte query of issue #9 (ran 65–79 s, then the heap ran out). */
export const ISSUE_QUERY =
  '{ allies(first: 100) { totalCount edges { node { name degree chantiers(first: 100) { totalCount edges { node { role chantier { title participants(first: 100) { totalCount edges { node { role ally { name degree chantiers(first: 100) { totalCount edges { node { chantier { title participants(first: 100) { totalCount edges { node { ally { name degree themes { theme { name } } basedIn { name } } } } } } } } } } } } } } } } } } } } }';

/** Named fragments with three aliases per connection, as in issue #9 (16–23 s on the demo graph). */
export const FRAGMENT_QUERY = `
fragment AllyCard on Ally { name degree themes { theme { name } } basedIn { name } actsIn { name } }
fragment ChantierCard on Chantier {
  title
  p1: participants(first: 100) { edges { node { role ally { ...AllyCard } } } }
  p2: participants(first: 100) { edges { node { role ally { ...AllyCard } } } }
  p3: participants(first: 100) { edges { node { role ally { ...AllyCard } } } }
}
fragment AllyWithChantiers on Ally {
  ...AllyCard
  c1: chantiers(first: 100) { edges { node { chantier { ...ChantierCard } } } }
  c2: chantiers(first: 100) { edges { node { chantier { ...ChantierCard } } } }
  c3: chantiers(first: 100) { edges { node { chantier { ...ChantierCard } } } }
}
{
  a1: allies(first: 100) { edges { node { ...AllyWithChantiers } } }
  a2: allies(first: 100) { edges { node { ...AllyWithChantiers } } }
  a3: allies(first: 100) { edges { node { ...AllyWithChantiers } } }
}`;

/** 500 aliases of allies near a point, each with its own radius (501 round trips before). */
export const ALIAS_QUERY = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: allies(first: 100, filter: { near: { latitude: 50.45, longitude: 2.8, radiusKm: ${i + 1} } }) { edges { node { name } } }`).join(' ')} }`;
