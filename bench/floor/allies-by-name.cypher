// A page of visible allies by name, from the (sortName, id) range index, by offset.
MATCH (a:Ally)
WHERE a.sortName IS NOT NULL AND (a:Organization OR a.public = true)
RETURN a.slug AS slug, a.name AS name
ORDER BY a.sortName, a.id
SKIP $offset
LIMIT $limit
