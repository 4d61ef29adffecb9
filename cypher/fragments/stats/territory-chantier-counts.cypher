// territory-counts' chantiers of the territory `t` in scope: those located within it that match the
// filter's chantier conditions, each once.
// Use as: // #include stats/territory-chantier-counts  →  chantiers
CALL (t) {
  MATCH (t)<-[:PART_OF*0..]-(:Territory)<-[:LOCATED_IN]-(c:Chantier)
  WITH DISTINCT c
  // #where network/chantier-filter
  RETURN count(c) AS chantiers
}
