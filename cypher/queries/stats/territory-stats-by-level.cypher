// Per territory of $level within $within (the territory and everything PART_OF it), found from the
// level's own territories, each checked upwards (a few steps): for régions, départements and EPCIs
// (at most ~1,300 of them). Walking down from the country instead meets every territory by every
// path (55 ms at 100k allies for the 13 régions, against 10 ms; as an EXISTS per territory it
// plans 40 ms faster than as one more expansion). The level of communes uses
// territory-stats.cypher. Params: $level, $within, $f, $canSeePrivate.
// #include network/filter-references
CALL () {
  RETURN EXISTS { MATCH (:Territory {ref: $within}) } AS withinExists
}
CALL () {
  // #include stats/level-territories
  // #include stats/territory-counts
}
RETURN withinExists, rows, unknownThemes, chantierExists, objectiveExists, territoryExists
