// The derived properties of a batch of allies (in id order from $afterId, $limit of them), written
// only where they changed: the stored degrees (cypher/migrations/V0007__ally_degree.cypher),
// `unpositioned` (true when the ally has no position for a map, cypher/fragments/export.cypher;
// absent otherwise: V0010) and `territoryRefs` (the refs of every territory the ally is based or acts
// in and of each one above them, sorted, for "within" filters: cypher/fragments/ally.cypher
// `residual-territories`; V0012). Returns the last id read.
MATCH (a:Ally)
WHERE a.id > $afterId
WITH a ORDER BY a.id LIMIT $limit
WITH a, COUNT { (a)--() } AS degreeAll, COUNT { (a)--(m) WHERE NOT m:Person OR m.public = true } AS degreePublic,
  CASE WHEN
    // #include export#ally-has-no-position
  THEN true END AS unpositioned,
  COLLECT {
    MATCH (a)-[:BASED_IN|ACTS_IN]->(:Territory)-[:PART_OF*0..]->(up:Territory)
    RETURN DISTINCT up.ref AS ref ORDER BY ref
  } AS territoryRefs
FOREACH (_ IN CASE WHEN a.degreeAll IS NULL OR a.degreeAll <> degreeAll OR a.degreePublic IS NULL OR a.degreePublic <> degreePublic THEN [1] ELSE [] END |
  SET a.degreeAll = degreeAll, a.degreePublic = degreePublic)
FOREACH (_ IN CASE WHEN coalesce(a.unpositioned, false) <> coalesce(unpositioned, false) THEN [1] ELSE [] END |
  SET a.unpositioned = unpositioned)
FOREACH (_ IN CASE WHEN a.territoryRefs IS NULL OR a.territoryRefs <> territoryRefs THEN [1] ELSE [] END |
  SET a.territoryRefs = territoryRefs)
RETURN max(a.id) AS last, count(a) AS read
