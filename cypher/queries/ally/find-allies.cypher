// A page of allies per scope (root list, or one territory/theme/objective/chantier parent each), with
// the AllyFilter, the viewer's privacy, an order chosen by a whitelisted parameter and a keyset cursor.
// The total is a by-product of the filter pass ($limit = 0: count only, no sort).
// Also reports which filter references do not exist, so the API can name the bad argument.
// Params: $scopes [{key, territory, theme, themeRole, objective, chantier}], $f (filter), $order
// ('NAME'|'CHARTER_SIGNED_ON'|'DEGREE'|'CREATED_AT'), $desc, $afterKey, $afterId, $limit,
// $canSeePrivate, $canSeeEmails.
CALL () {
  WITH coalesce($f.themes, []) AS slugs
  OPTIONAL MATCH (t:Theme) WHERE t.slug IN slugs
  WITH slugs, collect(t.slug) AS found
  RETURN [s IN slugs WHERE NOT s IN found] AS unknownThemes,
    $f.chantier IS NULL OR EXISTS { MATCH (:Chantier {slug: $f.chantier}) } AS chantierExists,
    $f.objective IS NULL OR EXISTS { MATCH (:CharterObjective {code: $f.objective}) } AS objectiveExists
}
CALL () {
  // One row always: null when there is no text filter, else the ids the full-text index matched.
  WITH $f.text AS text WHERE text IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_text', text, {limit: 10000}) YIELD node
  WHERE node:Ally
  RETURN CASE WHEN $f.text IS NULL THEN null ELSE collect(node.id) END AS textIds
}
UNWIND $scopes AS scope
CALL (scope, textIds) {
  MATCH (a:Ally)
  WHERE ($canSeePrivate OR a:Organization OR a.public = true)
    AND ($f.kind IS NULL OR a.kind = $f.kind)
    AND ($f.organizationTypes IS NULL OR a.organizationType IN $f.organizationTypes)
    AND ($f.themes IS NULL OR CASE WHEN $f.themesAll
          THEN all(s IN $f.themes WHERE EXISTS { (a)-[:WORKS_ON]->(:Theme {slug: s}) })
          ELSE EXISTS { (a)-[:WORKS_ON]->(t:Theme) WHERE t.slug IN $f.themes } END)
    // Within a territory: the refs of everything above the node's territories, walked upwards from
    // the node (a commune has ~8 paths up). An EXISTS with {ref: …} is planned from the territory
    // downwards instead, once per candidate: 5 s for a region at 10k allies, against 0.3 s this way.
    AND CASE WHEN $f.territory IS NULL THEN true ELSE $f.territory IN [(a)-[:BASED_IN|ACTS_IN]->(:Territory)-[:PART_OF*0..]->(up:Territory) | up.ref] END
    AND ($f.chantier IS NULL OR EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier {slug: $f.chantier}) })
    AND ($f.objective IS NULL OR EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier)-[:SERVES]->(:CharterObjective {code: $f.objective}) })
    AND ($f.signedAfter IS NULL OR a.charterSignedOn >= date($f.signedAfter))
    AND ($f.signedBefore IS NULL OR a.charterSignedOn <= date($f.signedBefore))
    AND ($f.near IS NULL OR point.distance(a.location, point({latitude: $f.near.latitude, longitude: $f.near.longitude})) <= $f.near.radiusKm * 1000)
    AND ($f.bbox IS NULL OR point.withinBBox(a.location, point({latitude: $f.bbox.south, longitude: $f.bbox.west}), point({latitude: $f.bbox.north, longitude: $f.bbox.east})))
    AND (textIds IS NULL OR a.id IN textIds)
    AND CASE WHEN scope.territory IS NULL THEN true ELSE scope.territory IN [(a)-[:BASED_IN|ACTS_IN]->(:Territory)-[:PART_OF*0..]->(up:Territory) | up.ref] END
    AND (scope.theme IS NULL OR EXISTS { (a)-[w:WORKS_ON]->(:Theme {slug: scope.theme}) WHERE scope.themeRole IS NULL OR w.role = scope.themeRole })
    AND (scope.objective IS NULL OR EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier)-[:SERVES]->(:CharterObjective {code: scope.objective}) })
    AND (scope.chantier IS NULL OR EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier {slug: scope.chantier}) })
  WITH collect(a) AS matched
  CALL (matched) {
    UNWIND CASE WHEN $limit = 0 THEN [] ELSE matched END AS a
    // The degree is counted before sorting only when it is the sort key; otherwise only for the page.
    WITH a, CASE WHEN $order = 'DEGREE' THEN COUNT { (a)--(m) WHERE $canSeePrivate OR NOT m:Person OR m.public = true } END AS sortDegree
    WITH a, sortDegree, coalesce(CASE $order
        WHEN 'NAME' THEN a.sortName
        WHEN 'CHARTER_SIGNED_ON' THEN toString(a.charterSignedOn)
        WHEN 'CREATED_AT' THEN toString(a.createdAt)
        WHEN 'DEGREE' THEN right('0000000000' + toString(sortDegree), 10)
      END, CASE WHEN $desc THEN '' ELSE '~' END) AS sortKey
    WHERE $afterKey IS NULL OR CASE WHEN $desc
        THEN sortKey < $afterKey OR (sortKey = $afterKey AND a.id < $afterId)
        ELSE sortKey > $afterKey OR (sortKey = $afterKey AND a.id > $afterId) END
    ORDER BY CASE WHEN $desc THEN sortKey END DESC, CASE WHEN $desc THEN a.id END DESC,
      CASE WHEN NOT $desc THEN sortKey END ASC, CASE WHEN NOT $desc THEN a.id END ASC
    LIMIT $limit
    WITH a, sortKey, coalesce(sortDegree, COUNT { (a)--(m) WHERE $canSeePrivate OR NOT m:Person OR m.public = true }) AS degree
    RETURN collect({sortKey: sortKey, id: a.id, item: a {.*, email: CASE WHEN $canSeeEmails THEN a.email END, degree: degree, _eid: elementId(a), _labels: labels(a)}}) AS rows
  }
  RETURN size(matched) AS total, rows
}
RETURN scope.key AS key, total, rows, unknownThemes, chantierExists, objectiveExists
