// Fragments of the map exports (src/http/export/geo-export.ts), each the tail of a query whose head
// is the list's own start and filters (cypher/fragments/ally.cypher, chantier.cypher, composed by
// the list planners' filterParts): the same selection, the same privacy, then a projection for a
// map feature, or the count of the selection that has no position.
// A feature's position: the ally's own location, else its seat's (BASED_IN) centre; a chantier's:
// the centre of the most local territory it is located in (commune first, then EPCI, département,
// région, country; ties by ref).

// @ally-feature
  RETURN sortKey, a.id AS id, a {
    .slug, .name, .kind, .organizationType, .location,
    themes: COLLECT { MATCH (a)-[:WORKS_ON]->(t:Theme) RETURN t.slug ORDER BY t.slug },
    basedIn: COLLECT { MATCH (a)-[:BASED_IN]->(t:Territory) RETURN t.ref ORDER BY t.ref },
    actsIn: COLLECT { MATCH (a)-[:ACTS_IN]->(t:Territory) RETURN t.ref ORDER BY t.ref },
    seatCenter: COLLECT { MATCH (a)-[:BASED_IN]->(t:Territory) WHERE t.center IS NOT NULL RETURN t.center ORDER BY t.ref LIMIT 1 }
  } AS item
}
RETURN scope.key AS key, sortKey, id, item

// An ally without a position (the feature above would have none): no location of its own and no
// seat with a known centre. The import stores it as `a.unpositioned = true` (absent otherwise), range
// indexed (cypher/queries/bundle/refresh-derived.cypher, migration V0010), so that counting those of
// a whole layer reads a few index entries instead of every ally.
// @ally-has-no-position
a.location IS NULL AND NOT EXISTS { (a)-[:BASED_IN]->(seat:Territory) WHERE seat.center IS NOT NULL }

// @ally-unpositioned-count
  AND a.unpositioned = true
  RETURN count(a) AS total
}
RETURN scope.key AS key, total

// @chantier-feature
  RETURN sortKey, ch.id AS id, ch {
    .slug, .title, .kind, .status,
    themes: COLLECT { MATCH (ch)-[:ADDRESSES]->(t:Theme) RETURN t.slug ORDER BY t.slug },
    objectives: COLLECT { MATCH (ch)-[:SERVES]->(o:CharterObjective) RETURN o.code ORDER BY o.code },
    territories: COLLECT { MATCH (ch)-[:LOCATED_IN]->(t:Territory) RETURN t.ref ORDER BY t.ref },
    center: COLLECT {
      MATCH (ch)-[:LOCATED_IN]->(t:Territory) WHERE t.center IS NOT NULL
      RETURN t.center
      ORDER BY CASE t.level WHEN 'COMMUNE' THEN 0 WHEN 'EPCI' THEN 1 WHEN 'DEPARTEMENT' THEN 2 WHEN 'REGION' THEN 3 ELSE 4 END, t.ref
      LIMIT 1
    }
  } AS item
}
RETURN scope.key AS key, sortKey, id, item

// @chantier-unpositioned-count
  AND NOT EXISTS { (ch)-[:LOCATED_IN]->(t:Territory) WHERE t.center IS NOT NULL }
  RETURN count(ch) AS total
}
RETURN scope.key AS key, total
