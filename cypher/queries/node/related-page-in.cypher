// A page of the nodes related to each parent (by element id) through $types, incoming, ordered by
// the related node's sort key then id (keyset cursor), optionally only with $role, of $targetLabel,
// or (territories) of $level. The page only: the total is related-count-in, run when selected.
UNWIND $parents AS pid
MATCH (p) WHERE elementId(p) = pid
CALL (p) {
  MATCH (p)<-[r:$any($types)]-(m)
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
  RETURN collect({sortKey: sortKey, id: m.id, rel: properties(r), node: m {.*, email: CASE WHEN $canSeeEmails THEN m.email END, _eid: elementId(m), _labels: labels(m)}}) AS rows
}
RETURN pid AS parent, rows
