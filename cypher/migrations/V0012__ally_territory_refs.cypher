// `territoryRefs` (issue #10): on every ally, the refs of every territory it is based or acts in and
// of each one above them (PART_OF*), sorted, so that a "within" filter checked on each ally read in
// name order is one property read instead of a walk up the tree from each of its places (the page of
// a département that holds a few % of 100k allies: the name index read in order until 20 match).
// The import keeps it current (cypher/queries/bundle/refresh-derived.cypher, the live definition;
// this backfill is its copy at the time of writing).
MATCH (a:Ally)
SET a.territoryRefs = COLLECT {
  MATCH (a)-[:BASED_IN|ACTS_IN]->(:Territory)-[:PART_OF*0..]->(up:Territory)
  RETURN DISTINCT up.ref AS ref ORDER BY ref
};
