// A page of collaborators per ally (by element id): each collaborator with the contexts it shares
// with the ally (`via`) and their number (the weight), ordered by weight desc, then name, then id
// (keyset: sortKey = inverted zero-padded weight + ':' + sortName, then id). $theme keeps only
// collaborators working on that theme. The total per ally comes with the page ($limit = 0: count only).
// Params: $eids, $theme (slug or null), $afterKey, $afterId, $limit, $canSeePrivate, $canSeeEmails.
CALL () {
  RETURN $theme IS NULL OR EXISTS { MATCH (:Theme {slug: $theme}) } AS themeExists
}
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  CALL (a) {
    // #include network/collaboration-context
  }
  WITH b, collect(DISTINCT via) AS via
  WHERE $theme IS NULL OR EXISTS { (b)-[:WORKS_ON]->(:Theme {slug: $theme}) }
  WITH collect({b: b, via: via}) AS matched
  CALL (matched) {
    UNWIND CASE WHEN $limit = 0 THEN [] ELSE matched END AS x
    WITH x.b AS b, x.via AS via, right('0000000000' + toString(1000000000 - size(x.via)), 10) + ':' + coalesce(x.b.sortName, '') AS sortKey
    WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND b.id > $afterId)
    ORDER BY sortKey, b.id
    LIMIT $limit
    RETURN collect({
      sortKey: sortKey, id: b.id, weight: size(via),
      ally: b {.*, email: CASE WHEN $canSeeEmails THEN b.email END, _eid: elementId(b), _labels: labels(b)},
      via: [v IN via | v {.*, email: CASE WHEN $canSeeEmails THEN v.email END, _eid: elementId(v), _labels: labels(v)}]
    }) AS rows
  }
  RETURN size(matched) AS total, rows
}
RETURN eid AS parent, themeExists, total, rows
