// The allies taking part in a context `ctx` of contexts-of.cypher (THE collaboration context, seen
// from the contexts): a chantier's contributors, a learning community's members (and leads), or the
// two ends of a MEMBER_OF relationship, one row each, not yet filtered (the caller keeps the visible
// ones, or those it looks for). Held to collaboration.ts by a unit test.
// Use as: CALL (ctx) { // #include network/members-of-context }  →  b
WITH ctx WHERE ctx IS :: NODE
MATCH (ctx)<-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]-(b:Ally)
RETURN b
UNION ALL
WITH ctx WHERE ctx IS :: RELATIONSHIP
UNWIND [startNode(ctx), endNode(ctx)] AS b
RETURN b
