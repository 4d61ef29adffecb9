// THE collaboration context (DESIGN §2, STYLE 13), for the ally `a` in scope: one row per ally `b`
// that collaborates with `a` and per context `via` they share. Two allies collaborate when they
// contribute to the same chantier, belong to (or lead) the same learning community, or one is a
// member of the other (then `via` is the organisation). The weight of a pair is its number of rows.
// Only allies the viewer may see ($canSeePrivate); a context is never a person, so a chain of
// contexts never passes through a private person. Mirrored in TS by src/modules/network/collaboration.ts.
// Use as: CALL (a) { // #include network/collaboration-context }  →  b, via
MATCH (a)-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]->(via:Chantier|LearningCommunity)<-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]-(b:Ally)
WHERE b <> a AND @visible(b)
RETURN b, via
UNION ALL
MATCH (a)-[m:MEMBER_OF]-(b:Ally)
WHERE @visible(b)
RETURN b, endNode(m) AS via
