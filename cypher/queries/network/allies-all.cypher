// The allies of a network filter ($f), started from every ally (no selective reference: only kinds,
// or nothing), then the residual filter. Params: $f, $cap, $canSeePrivate.
// #include network/filter-references
CALL () {
  MATCH (a:Ally)
  // #where network/ally-filter
  WITH a, COUNT { (a)--() } AS degree
  ORDER BY degree DESC, a.id
  WITH collect(elementId(a)) AS matched
  RETURN size(matched) AS total, matched[0..$cap] AS allies
}
RETURN total, allies, unknownThemes, chantierExists, objectiveExists, territoryExists
