// territoryStats for régions, départements and EPCIs when the filter names a chantier or themes:
// the allies are counted from that start set upwards (each selected ally, the territories of $level
// it is based or acts within), not by walking down from every territory to every ally (at région
// level, all of them, each then filtered: at 100k allies, a theme's 3,801 allies counted by région
// in 155-175 ms against 497-547 ms walking down; a chantier's in 63-70 ms against 480-502). Not from an objective:
// each is served by a quarter of the chantiers (objective 2's contributors are most of the allies:
// 1.46 s from them against 1.03 s walking down). The level's territories and their chantiers as in
// territory-stats-by-level, with zero allies; `allyCounts` (by territory element id, only
// territories with some) is merged in by the repository (stats.repository.ts, withAllyCounts).
// $start ('chantier' or 'themes') picks the branch; the other is cut by its parameter condition
// before it reads anything. Params: $start, $level, $within, $f, $canSeePrivate.
// #include network/filter-references
CALL () {
  RETURN EXISTS { MATCH (:Territory {ref: $within}) } AS withinExists
}
CALL () {
  CALL () {
    // #include network/start-set#chantier
    WHERE $start = 'chantier'
    RETURN a
    UNION ALL
    // #include network/start-set#themes
    WHERE $start = 'themes'
    RETURN a
  }
  WITH DISTINCT a
  // #where network/ally-filter
  MATCH (a)-[:BASED_IN|ACTS_IN]->(:Territory)-[:PART_OF*0..]->(t:Territory {level: $level})
  WITH DISTINCT t, a
  WITH t, count(a) AS allies, count(CASE WHEN a:Organization THEN 1 END) AS organizations, count(CASE WHEN a:Person THEN 1 END) AS persons
  RETURN collect({eid: elementId(t), allies: allies, organizations: organizations, persons: persons}) AS allyCounts
}
CALL () {
  // #include stats/level-territories
  // #include stats/territory-chantier-counts
  WITH t, 0 AS allies, 0 AS organizations, 0 AS persons, chantiers
  // #include stats/territory-rows
}
RETURN withinExists, rows, allyCounts, unknownThemes, chantierExists, objectiveExists, territoryExists
