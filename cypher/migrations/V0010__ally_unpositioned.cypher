// `unpositioned` (issue #12): true on an ally that a map export leaves out (no location of its own
// and no seat with a known centre), absent otherwise; indexed by V0011, so that the count of them an
// export sends before its first byte reads a few index entries instead of every ally (0.25 s warm,
// about 1 s on a freshly started Neo4j at 100k allies). The import keeps it current
// (cypher/queries/bundle/refresh-derived.cypher, whose predicate, cypher/fragments/export.cypher
// `ally-has-no-position`, is the live definition; this backfill is its copy at the time of writing).
MATCH (a:Ally)
WHERE a.location IS NULL AND NOT EXISTS { (a)-[:BASED_IN]->(seat:Territory) WHERE seat.center IS NOT NULL }
SET a.unpositioned = true;
