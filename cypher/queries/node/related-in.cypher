// The nodes related to each parent (by element id) through relationships of $types, incoming,
// optionally only those with $role and of $targetLabel, with the relationship's properties.
// Unpaged: for the short lists of a node (its themes, territories, objectives…). The types are
// whitelisted by the repository. Private persons are invisible unless the viewer may see them.
UNWIND $parents AS pid
MATCH (p) WHERE elementId(p) = pid
MATCH (p)<-[r:$any($types)]-(m)
WHERE ($role IS NULL OR r.role = $role)
  AND ($targetLabel IS NULL OR $targetLabel IN labels(m))
  AND @visible(m)
WITH pid, r, m ORDER BY coalesce(m.sortName, m.sortTitle, toLower(coalesce(m.name, m.title, m.ref, m.code))), m.id
RETURN pid AS parent, type(r) AS type, properties(r) AS rel,
  m {.*, email: CASE WHEN $canSeeEmails THEN m.email END, _eid: elementId(m), _labels: labels(m)} AS node
