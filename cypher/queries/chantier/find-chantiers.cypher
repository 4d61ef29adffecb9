// A page of chantiers per scope (root list, or one territory/theme/objective parent each), with the
// ChantierFilter, an order chosen by a whitelisted parameter and a keyset cursor. The total is a
// by-product of the filter pass ($limit = 0: count only). Reports unknown filter references.
// Params: $scopes [{key, territory, theme, objective}], $f, $order ('TITLE'|'VALIDATED_ON'|'CREATED_AT'),
// $desc, $afterKey, $afterId, $limit, $canSeePrivate.
CALL () {
  WITH coalesce($f.themes, []) AS slugs
  OPTIONAL MATCH (t:Theme) WHERE t.slug IN slugs
  WITH slugs, collect(t.slug) AS found
  RETURN [s IN slugs WHERE NOT s IN found] AS unknownThemes,
    $f.objective IS NULL OR EXISTS { MATCH (:CharterObjective {code: $f.objective}) } AS objectiveExists,
    $f.participant IS NULL OR EXISTS { MATCH (p:Ally {slug: $f.participant}) WHERE $canSeePrivate OR p:Organization OR p.public = true } AS participantExists
}
CALL () {
  // One row always: null when there is no text filter, else the ids the full-text index matched.
  WITH $f.text AS text WHERE text IS NOT NULL
  CALL db.index.fulltext.queryNodes('search_text', text, {limit: 10000}) YIELD node
  WHERE node:Chantier
  RETURN CASE WHEN $f.text IS NULL THEN null ELSE collect(node.id) END AS textIds
}
UNWIND $scopes AS scope
CALL (scope, textIds) {
  MATCH (c:Chantier)
  WHERE ($f.status IS NULL OR c.status IN $f.status)
    AND ($f.kind IS NULL OR c.kind = $f.kind)
    AND ($f.objective IS NULL OR EXISTS { (c)-[:SERVES]->(:CharterObjective {code: $f.objective}) })
    AND ($f.themes IS NULL OR EXISTS { (c)-[:ADDRESSES]->(t:Theme) WHERE t.slug IN $f.themes })
    // Within a territory: the refs of everything above the node's territories, walked upwards from
    // the node (a commune has ~8 paths up). An EXISTS with {ref: …} is planned from the territory
    // downwards instead, once per candidate: 5 s for a region at 10k allies, against 0.3 s this way.
    AND CASE WHEN $f.territory IS NULL THEN true ELSE $f.territory IN [(c)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..]->(up:Territory) | up.ref] END
    AND ($f.participant IS NULL OR EXISTS { (:Ally {slug: $f.participant})-[:CONTRIBUTES_TO]->(c) })
    AND (textIds IS NULL OR c.id IN textIds)
    AND CASE WHEN scope.territory IS NULL THEN true ELSE scope.territory IN [(c)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..]->(up:Territory) | up.ref] END
    AND (scope.theme IS NULL OR EXISTS { (c)-[:ADDRESSES]->(:Theme {slug: scope.theme}) })
    AND (scope.objective IS NULL OR EXISTS { (c)-[:SERVES]->(:CharterObjective {code: scope.objective}) })
  WITH collect(c) AS matched
  CALL (matched) {
    UNWIND CASE WHEN $limit = 0 THEN [] ELSE matched END AS c
    WITH c, coalesce(CASE $order
        WHEN 'TITLE' THEN c.sortTitle
        WHEN 'VALIDATED_ON' THEN toString(c.validatedOn)
        WHEN 'CREATED_AT' THEN toString(c.createdAt)
      END, CASE WHEN $desc THEN '' ELSE '~' END) AS sortKey
    WHERE $afterKey IS NULL OR CASE WHEN $desc
        THEN sortKey < $afterKey OR (sortKey = $afterKey AND c.id < $afterId)
        ELSE sortKey > $afterKey OR (sortKey = $afterKey AND c.id > $afterId) END
    ORDER BY CASE WHEN $desc THEN sortKey END DESC, CASE WHEN $desc THEN c.id END DESC,
      CASE WHEN NOT $desc THEN sortKey END ASC, CASE WHEN NOT $desc THEN c.id END ASC
    LIMIT $limit
    RETURN collect({sortKey: sortKey, id: c.id, item: c {.*, _eid: elementId(c), _labels: labels(c)}}) AS rows
  }
  RETURN size(matched) AS total, rows
}
RETURN scope.key AS key, total, rows, unknownThemes, objectiveExists, participantExists
