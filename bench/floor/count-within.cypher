// How many visible allies are within a territory (within: see theme-in-region.cypher).
MATCH (:Territory {ref: $ref})(()<-[:PART_OF]-(x:Territory WHERE x.level <> 'EPCI'))*(t:Territory)
MATCH (t)<-[:BASED_IN|ACTS_IN]-(a:Ally)
WHERE a:Organization OR a.public = true
RETURN count(DISTINCT a) AS totalCount
