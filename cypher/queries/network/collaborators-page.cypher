// A page of collaborators per ally (by element id), ordered by weight desc, then name, then id, with
// the contexts each shares with the ally (`via`) and their number (the weight). $theme keeps only
// collaborators working on that theme. The total per ally comes with the page ($limit = 0: count
// only). Every collaborator is weighed with count(DISTINCT via) (no list per collaborator), the page
// is a Top-k on (weight, name, id) after the keyset ($afterWeight, $afterName, $afterId), and `via`
// is read for the page's rows only (contexts-between): a hub's thousands of collaborators cost one
// expansion. sortKey (the cursor's key) = inverted zero-padded weight + ':' + sortName.
// Params: $eids, $theme (slug or null), $afterWeight, $afterName, $afterId, $limit, $canSeePrivate, $canSeeEmails.
CALL () {
  RETURN $theme IS NULL OR EXISTS { MATCH (:Theme {slug: $theme}) } AS themeExists
}
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  CALL (a) {
    // #include network/collaboration-context
  }
  WITH b, count(DISTINCT via) AS weight
  WHERE $theme IS NULL OR EXISTS { (b)-[:WORKS_ON]->(:Theme {slug: $theme}) }
  WITH collect({b: b, weight: weight}) AS matched
  CALL (a, matched) {
    UNWIND CASE WHEN $limit = 0 THEN [] ELSE matched END AS x
    WITH x.b AS b, x.weight AS weight, coalesce(x.b.sortName, '') AS name
    WHERE $afterId IS NULL OR weight < $afterWeight
      OR (weight = $afterWeight AND (name > $afterName OR (name = $afterName AND b.id > $afterId)))
    ORDER BY weight DESC, name, b.id
    LIMIT $limit
    CALL (a, b) {
      CALL (a, b) {
        // #include network/contexts-between
      }
      RETURN collect(via {.*, email: CASE WHEN $canSeeEmails THEN via.email END, _eid: elementId(via), _labels: labels(via)}) AS via
    }
    RETURN collect({
      sortKey: right('0000000000' + toString(1000000000 - weight), 10) + ':' + name, id: b.id, weight: weight,
      ally: b {.*, email: CASE WHEN $canSeeEmails THEN b.email END, _eid: elementId(b), _labels: labels(b)},
      via: via
    }) AS rows
  }
  RETURN size(matched) AS total, rows
}
RETURN eid AS parent, themeExists, total, rows
