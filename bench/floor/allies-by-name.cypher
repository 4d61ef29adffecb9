// A page of visible allies by name, in the order of the (sortName, id) range index, by offset.
// The privacy rule is written as a CASE: as `a:Organization OR a.public = true` the planner solves it
// by a union of a label scan and the `public` index, then sorts every visible ally (a Top).
MATCH (a:Ally)
WHERE a.sortName IS NOT NULL AND a.id IS NOT NULL AND CASE WHEN a:Organization THEN true ELSE a.public = true END
RETURN a.slug AS slug, a.name AS name
ORDER BY a.sortName, a.id
SKIP $offset
LIMIT $limit
