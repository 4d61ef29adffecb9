// Per territory of $level within $within (the territory and everything PART_OF it), found by
// walking down from $within: for the level of communes, the many (a walk down from a département
// meets its few hundred communes; checking 35,000 communes upwards costs 20 × more). The larger
// levels use territory-stats-by-level.cypher. Params: $level, $within, $f, $canSeePrivate.
// #include network/filter-references
CALL () {
  RETURN EXISTS { MATCH (:Territory {ref: $within}) } AS withinExists
}
CALL () {
  MATCH (:Territory {ref: $within})<-[:PART_OF*0..]-(t:Territory {level: $level})
  WITH DISTINCT t
  // #include stats/territory-counts
}
RETURN withinExists, rows, unknownThemes, chantierExists, objectiveExists, territoryExists
