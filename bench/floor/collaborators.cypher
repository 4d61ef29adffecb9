// An ally's first $limit collaborators by weight (shared contexts: chantiers, learning communities,
// membership), then name, then id, each with the ids of the contexts they share. Only allies an
// anonymous reader may see.
MATCH (a:Ally {slug: $slug}) WHERE a:Organization OR a.public = true
CALL (a) {
  MATCH (a)-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]->(via:Chantier|LearningCommunity)<-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]-(b:Ally)
  WHERE b <> a AND (b:Organization OR b.public = true)
  RETURN b, via
  UNION ALL
  MATCH (a)-[m:MEMBER_OF]-(b:Ally)
  WHERE b:Organization OR b.public = true
  RETURN b, endNode(m) AS via
}
WITH b, collect(DISTINCT via.id) AS via
WITH b, via, size(via) AS weight
ORDER BY weight DESC, b.sortName, b.id
LIMIT $limit
RETURN b.slug AS slug, weight, via
