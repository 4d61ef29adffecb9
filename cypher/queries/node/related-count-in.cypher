// How many nodes are related to each parent (by element id) through $types, incoming, with the
// conditions of related-page-in: the totalCount of a paged relation, run only when selected.
UNWIND $parents AS pid
MATCH (p) WHERE elementId(p) = pid
RETURN pid AS parent, COUNT {
  MATCH (p)<-[r:$any($types)]-(m)
  WHERE ($role IS NULL OR r.role = $role)
    AND ($targetLabel IS NULL OR $targetLabel IN labels(m))
    AND ($level IS NULL OR m.level = $level)
    AND @visible(m)
} AS total
