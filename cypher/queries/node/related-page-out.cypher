// A page of the nodes related to each parent ($asks: {key, label, id}) through $types, outgoing,
// ordered by the related node's sort key then id (keyset cursor), optionally only with $role, of
// $targetLabel, or (territories) of $level; with the relationship properties $rel and the node
// properties $props (null: all; see src/modules/node/projection.ts). The page only: the total is
// related-count-out, run when selected.
UNWIND $asks AS ask
CALL (ask) {
  // #include node/parent
}
CALL (p) {
  MATCH (p)-[r:$any($types)]->(m)
  WHERE ($role IS NULL OR r.role = $role)
    AND ($targetLabel IS NULL OR $targetLabel IN labels(m))
    AND ($level IS NULL OR m.level = $level)
    AND @visible(m)
  WITH r, m, coalesce(m.sortName, m.sortTitle, toLower(coalesce(m.name, m.title, m.ref, m.code)), '') AS sortKey
  WHERE $afterKey IS NULL OR CASE WHEN $desc
      THEN sortKey < $afterKey OR (sortKey = $afterKey AND m.id < $afterId)
      ELSE sortKey > $afterKey OR (sortKey = $afterKey AND m.id > $afterId) END
  ORDER BY CASE WHEN $desc THEN sortKey END DESC, CASE WHEN $desc THEN m.id END DESC,
    CASE WHEN NOT $desc THEN sortKey END ASC, CASE WHEN NOT $desc THEN m.id END ASC
  LIMIT $limit
  RETURN collect({sortKey: sortKey, id: m.id,
    rel: [k IN $rel | CASE WHEN r[k] IS :: DATE THEN toString(r[k]) ELSE r[k] END],
    node: m {.id, _eid: elementId(m), _labels: labels(m),
      _all: CASE WHEN $props IS NULL THEN m {.*, email: CASE WHEN $canSeeEmails THEN m.email END} END,
      _values: [k IN coalesce($props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
        WHEN m[k] IS :: DATE OR m[k] IS :: ZONED DATETIME THEN toString(m[k]) ELSE m[k] END]}}) AS rows
}
RETURN ask.key AS parent, rows
