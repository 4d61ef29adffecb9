// The first $limit visible allies within a territory, by name (within: see theme-in-region.cypher).
MATCH (:Territory {ref: $ref})(()<-[:PART_OF]-(x:Territory WHERE x.level <> 'EPCI'))*(t:Territory)
MATCH (t)<-[:BASED_IN|ACTS_IN]-(a:Ally)
WHERE a:Organization OR a.public = true
WITH DISTINCT a
ORDER BY a.sortName, a.id
LIMIT $limit
RETURN a.slug AS slug, a.name AS name
