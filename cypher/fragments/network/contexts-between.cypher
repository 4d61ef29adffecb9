// THE collaboration context (collaboration-context.cypher) between two allies already bound, `a`
// and `b`: one row per context `via` they share (the same relationship types and labels; a unit
// test holds the two fragments and src/modules/network/collaboration.ts together). Expanding into a
// known pair costs the pair's relationships, not everyone `a` works with: a page of a hub's
// collaborators reads `via` for the page only.
// Use as: CALL (a, b) { // #include network/contexts-between }  →  via
MATCH (a)-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]->(via:Chantier|LearningCommunity)<-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]-(b)
WHERE b <> a
RETURN via
UNION
MATCH (a)-[m:MEMBER_OF]-(b)
RETURN endNode(m) AS via
