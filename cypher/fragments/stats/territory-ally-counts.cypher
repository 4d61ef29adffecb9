// territory-counts' allies of the territory `t` in scope, walked downwards: those based or acting
// within it (each once), with the network filter ($f) and the viewer's privacy.
// Use as: // #include stats/territory-ally-counts  →  allies, organizations, persons
CALL (t) {
  MATCH (t)<-[:PART_OF*0..]-(:Territory)<-[:BASED_IN|ACTS_IN]-(a:Ally)
  WITH DISTINCT a
  // #where network/ally-filter
  RETURN count(a) AS allies, count(CASE WHEN a:Organization THEN 1 END) AS organizations, count(CASE WHEN a:Person THEN 1 END) AS persons
}
