// The collaboration graph as groups of visible allies (a chantier's contributors, a learning
// community's members, a person and an organisation of a membership): allies collaborate when they
// share a group. Read once to pick the far end of the path operation.
MATCH (a:Ally)-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]->(g:Chantier|LearningCommunity)
WHERE a:Organization OR a.public = true
WITH g, collect(a.slug) AS members
RETURN members
UNION ALL
MATCH (p:Ally)-[:MEMBER_OF]->(o:Ally)
WHERE (p:Organization OR p.public = true) AND (o:Organization OR o.public = true)
RETURN [p.slug, o.slug] AS members
