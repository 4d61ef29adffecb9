// The allies of a network filter ($f), started from the chantier's contributors (the most selective
// reference), then the residual filter. Returns how many allies match and the element ids
// of the $cap with most relationships, and which references do not exist.
// Params: $f, $cap, $canSeePrivate.
// #include network/filter-references
CALL () {
  // #include network/start-set#chantier
  WITH DISTINCT a
  // #where network/ally-filter
  WITH a, COUNT { (a)--() } AS degree
  ORDER BY degree DESC, a.id
  WITH collect(elementId(a)) AS matched
  RETURN size(matched) AS total, matched[0..$cap] AS allies
}
RETURN total, allies, unknownThemes, chantierExists, objectiveExists, territoryExists
