// The counts of territoryStats for each territory `t` in scope, walked downwards: the allies based
// or acting within it (each once; organisations and persons) with the network filter ($f) and the
// viewer's privacy, and the chantiers located within it that match the filter's chantier
// conditions; then one list of rows by code. An aggregation without a grouping key returns its row
// even when nothing matched (a territory with no ally counts 0), so the walks are plain MATCHes,
// and each ally is made distinct before it is filtered (once per ally, not per path).
// Use as: (t in scope) // #include stats/territory-counts  →  rows
CALL (t) {
  MATCH (t)<-[:PART_OF*0..]-(:Territory)<-[:BASED_IN|ACTS_IN]-(a:Ally)
  WITH DISTINCT a
  // #where network/ally-filter
  RETURN count(a) AS allies, count(CASE WHEN a:Organization THEN 1 END) AS organizations, count(CASE WHEN a:Person THEN 1 END) AS persons
}
CALL (t) {
  MATCH (t)<-[:PART_OF*0..]-(:Territory)<-[:LOCATED_IN]-(c:Chantier)
  WITH DISTINCT c
  // #where network/chantier-filter
  RETURN count(c) AS chantiers
}
WITH t, allies, organizations, persons, chantiers ORDER BY t.code
RETURN collect({territory: t {.*, _eid: elementId(t), _labels: labels(t)}, allies: allies, organizations: organizations, persons: persons, chantiers: chantiers}) AS rows
