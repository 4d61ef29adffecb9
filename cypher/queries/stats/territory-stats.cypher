// Per territory of $level within $within (the territory and everything PART_OF it), walked
// downwards: the allies based or acting within it (each once; organisations and persons) and the
// chantiers located within it, with the network filter ($f) and the viewer's privacy.
// Params: $level, $within, $f, $canSeePrivate.
// #include network/filter-references
CALL () {
  RETURN EXISTS { MATCH (:Territory {ref: $within}) } AS withinExists
}
CALL () {
  OPTIONAL MATCH (:Territory {ref: $within})<-[:PART_OF*0..]-(t:Territory {level: $level})
  WITH DISTINCT t WHERE t IS NOT NULL
  CALL (t) {
    OPTIONAL MATCH (t)<-[:PART_OF*0..]-(:Territory)<-[:BASED_IN|ACTS_IN]-(a:Ally)
    WITH DISTINCT a WHERE a IS NOT NULL
    WITH a
    // #where network/ally-filter
    RETURN count(a) AS allies, count(CASE WHEN a:Organization THEN 1 END) AS organizations, count(CASE WHEN a:Person THEN 1 END) AS persons
  }
  CALL (t) {
    OPTIONAL MATCH (t)<-[:PART_OF*0..]-(:Territory)<-[:LOCATED_IN]-(c:Chantier)
    WITH DISTINCT c WHERE c IS NOT NULL
    WITH c
    // #where network/chantier-filter
    RETURN count(c) AS chantiers
  }
  WITH t, allies, organizations, persons, chantiers ORDER BY t.code
  RETURN collect({territory: t {.*, _eid: elementId(t), _labels: labels(t)}, allies: allies, organizations: organizations, persons: persons, chantiers: chantiers}) AS rows
}
RETURN withinExists, rows, unknownThemes, chantierExists, objectiveExists, territoryExists
