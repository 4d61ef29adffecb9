// Fragments of the ally list queries, composed by src/modules/ally/ally.shapes.ts into one query
// per shape: [text prelude] start, residual filters (only those present), privacy, then either the
// count or the order's keyset, ORDER BY and LIMIT, and the projection. Variables: `scope` (one row of
// $scopes: {key, c}), `c` (the scope's criteria, see ally.filter.ts), `a` (the ally), `textIds`.
// Params: $scopes, $canSeePrivate, $canSeeEmails; pages also $afterKey, $afterId, $fromKey, $fromDegree, $allDegrees, $limit and
// $props (the properties projected, null: all; see src/modules/node/projection.ts).

// @open
UNWIND $scopes AS scope
CALL (scope) {
  WITH scope.c AS c

// @text-prelude
// The full-text hits as a residual filter (when another start is smaller than the hits).
CALL (c) {
  CALL db.index.fulltext.queryNodes('search_text', c.text, {limit: 10000}) YIELD node
  WHERE node:Ally AND @visible(node)
  RETURN collect(node.id) AS textIds
}

// @start-chantier
// A chantier's contributors.
MATCH (:Chantier {slug: c.start})<-[:CONTRIBUTES_TO]-(a:Ally)

// @start-objective
// The contributors of the chantiers serving an objective, each once.
CALL (c) {
  MATCH (:CharterObjective {code: c.start})<-[:SERVES]-(:Chantier)<-[:CONTRIBUTES_TO]-(a:Ally)
  RETURN DISTINCT a
}

// @start-theme
// A tribe (or the union of several: themes ANY), each ally once.
CALL (c) {
  MATCH (t:Theme)<-[w:WORKS_ON]-(a:Ally)
  WHERE t.slug IN c.start AND (c.startRole IS NULL OR w.role = c.startRole)
  RETURN DISTINCT a
}

// @start-territory
// A territory's subtree walked downwards, then the allies based or acting there, each once.
CALL (c) {
  MATCH (:Territory {ref: c.start})<-[:PART_OF*0..]-(:Territory)<-[:BASED_IN|ACTS_IN]-(a:Ally)
  RETURN DISTINCT a
}

// @start-text
// The full-text hits.
CALL (c) {
  CALL db.index.fulltext.queryNodes('search_text', c.start, {limit: 10000}) YIELD node
  WITH node AS a WHERE a:Ally
  RETURN a
}

// @start-near
// The point index: within radiusKm of a point.
MATCH (a:Ally)
WHERE point.distance(a.location, point({latitude: c.near.latitude, longitude: c.near.longitude})) <= c.near.radiusKm * 1000

// @start-bbox
// The point index: within a bounding box.
MATCH (a:Ally)
WHERE point.withinBBox(a.location, point({latitude: c.bbox.south, longitude: c.bbox.west}), point({latitude: c.bbox.north, longitude: c.bbox.east}))

// @start-all
// Every ally (nothing selective; orders without an index of their own, and counts).
MATCH (a:Ally)

// @start-name-asc
// The (sortName, id) range index read in order from the cursor: no sort, stops at the LIMIT. The
// index is hinted, here and below: on a small store the planner may prefer a label scan and a Top,
// and the plan of the shape would depend on the statistics of the day (STYLE 7).
MATCH (a:Ally) USING INDEX a:Ally(sortName, id)
WHERE a.sortName >= $fromKey AND a.id IS NOT NULL
  AND ($afterKey IS NULL OR a.sortName > $afterKey OR a.id > $afterId)

// @start-name-desc
MATCH (a:Ally) USING INDEX a:Ally(sortName, id)
WHERE a.sortName <= $fromKey AND a.id IS NOT NULL
  AND ($afterKey IS NULL OR a.sortName < $afterKey OR a.id < $afterId)

// @start-degree-all-desc
// The stored degree's (degreeAll, id) range index read in order from the cursor (orderBy: DEGREE
// when nothing is selective; $fromDegree is the cursor's degree): no count, no sort, stops at LIMIT.
MATCH (a:Ally) USING INDEX a:Ally(degreeAll, id)
WHERE a.degreeAll <= $fromDegree AND a.id IS NOT NULL
  AND ($afterKey IS NULL OR a.degreeAll < $fromDegree OR a.id < $afterId)

// @start-degree-all-asc
MATCH (a:Ally) USING INDEX a:Ally(degreeAll, id)
WHERE a.degreeAll >= $fromDegree AND a.id IS NOT NULL
  AND ($afterKey IS NULL OR a.degreeAll > $fromDegree OR a.id > $afterId)

// @start-degree-public-desc
// The same with the degree an anonymous viewer may see.
MATCH (a:Ally) USING INDEX a:Ally(degreePublic, id)
WHERE a.degreePublic <= $fromDegree AND a.id IS NOT NULL
  AND ($afterKey IS NULL OR a.degreePublic < $fromDegree OR a.id < $afterId)

// @start-degree-public-asc
MATCH (a:Ally) USING INDEX a:Ally(degreePublic, id)
WHERE a.degreePublic >= $fromDegree AND a.id IS NOT NULL
  AND ($afterKey IS NULL OR a.degreePublic > $fromDegree OR a.id > $afterId)

// @where
WITH c, a
WHERE @visible(a)

// @where-text
WITH c, textIds, a
WHERE @visible(a)

// @residual-kind
  AND a.kind = c.kind
// @residual-organization-types
  AND a.organizationType IN c.organizationTypes
// @residual-theme-groups
  AND all(g IN c.themeGroups WHERE EXISTS { (a)-[w:WORKS_ON]->(t:Theme) WHERE t.slug IN g.slugs AND (g.role IS NULL OR w.role = g.role) })
// @residual-territories
// Within each territory: its ref is among the ally's stored territoryRefs (every territory it is based
// or acts in, and each one above them; kept by the import, cypher/queries/bundle/refresh-derived.cypher),
// one property read instead of walking ~8 paths up the tree from each of its places.
  AND all(r IN c.territories WHERE r IN a.territoryRefs)
// @residual-chantiers
  AND all(s IN c.chantiers WHERE EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier {slug: s}) })
// @residual-objectives
  AND all(o IN c.objectives WHERE EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier)-[:SERVES]->(:CharterObjective {code: o}) })
// @residual-signed-after
  AND a.charterSignedOn >= date(c.signedAfter)
// @residual-signed-before
  AND a.charterSignedOn <= date(c.signedBefore)
// @residual-near
  AND point.distance(a.location, point({latitude: c.near.latitude, longitude: c.near.longitude})) <= c.near.radiusKm * 1000
// @residual-bbox
  AND point.withinBBox(a.location, point({latitude: c.bbox.south, longitude: c.bbox.west}), point({latitude: c.bbox.north, longitude: c.bbox.east}))
// @residual-text
  AND a.id IN textIds

// @count
  RETURN count(a) AS total
}
RETURN scope.key AS key, total

// @key-name
WITH a, a.sortName AS sortKey
// @key-charter-signed-on-asc
WITH a, coalesce(toString(a.charterSignedOn), '~') AS sortKey
// @key-charter-signed-on-desc
WITH a, coalesce(toString(a.charterSignedOn), '') AS sortKey
// @key-created-at
// Fixed width (epoch seconds, then nanoseconds), so that the keyset's string comparison is the
// datetimes' order (ISO strings are not: "…:00Z" sorts after "…:00.5Z").
WITH a, right('000000000000' + toString(a.createdAt.epochSeconds), 12) + '.' + right('000000000' + toString(a.createdAt.nanosecond), 9) AS sortKey
// @key-degree
// The visible degree, stored (cypher/migrations/V0007: degreeAll, degreePublic; kept by the import);
// $allDegrees: the viewer may see private persons (set by the repository from the viewer).
WITH a, CASE WHEN $allDegrees THEN a.degreeAll ELSE a.degreePublic END AS degree
WITH a, degree, right('0000000000' + toString(degree), 10) AS sortKey
// @key-degree-index-all
WITH a, a.degreeAll AS degree, right('0000000000' + toString(a.degreeAll), 10) AS sortKey
// @key-degree-index-public
WITH a, a.degreePublic AS degree, right('0000000000' + toString(a.degreePublic), 10) AS sortKey

// @keyset-asc
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND a.id > $afterId)
// @keyset-desc
WHERE $afterKey IS NULL OR sortKey < $afterKey OR (sortKey = $afterKey AND a.id < $afterId)

// @order-asc
ORDER BY sortKey ASC, a.id ASC
LIMIT $limit
// @order-desc
ORDER BY sortKey DESC, a.id DESC
LIMIT $limit
// @order-name-index-asc
ORDER BY a.sortName ASC, a.id ASC
LIMIT $limit
// @order-name-index-desc
ORDER BY a.sortName DESC, a.id DESC
LIMIT $limit
// @order-degree-index-all-asc
ORDER BY a.degreeAll ASC, a.id ASC
LIMIT $limit
// @order-degree-index-all-desc
ORDER BY a.degreeAll DESC, a.id DESC
LIMIT $limit
// @order-degree-index-public-asc
ORDER BY a.degreePublic ASC, a.id ASC
LIMIT $limit
// @order-degree-index-public-desc
ORDER BY a.degreePublic DESC, a.id DESC
LIMIT $limit

// @project
  RETURN sortKey, a.id AS id, a {.id, _eid: elementId(a), _labels: labels(a),
    _all: CASE WHEN $props IS NULL THEN a {.*, email: CASE WHEN $canSeeEmails THEN a.email END} END,
    _values: [k IN coalesce($props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
      WHEN a[k] IS :: DATE OR a[k] IS :: ZONED DATETIME THEN toString(a[k]) ELSE a[k] END]} AS item
}
RETURN scope.key AS key, sortKey, id, item

// @project-degree
  RETURN sortKey, a.id AS id, a {.id, _eid: elementId(a), _labels: labels(a), degree: degree,
    _all: CASE WHEN $props IS NULL THEN a {.*, email: CASE WHEN $canSeeEmails THEN a.email END} END,
    _values: [k IN coalesce($props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
      WHEN a[k] IS :: DATE OR a[k] IS :: ZONED DATETIME THEN toString(a[k]) ELSE a[k] END]} AS item
}
RETURN scope.key AS key, sortKey, id, item
