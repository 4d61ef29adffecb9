// The visible allies taking part in a context `ctx` of contexts-of.cypher (THE collaboration context,
// seen from the contexts): a chantier's contributors, a learning community's members (and leads), or
// the two ends of a MEMBER_OF relationship; each with its sort key. Held to collaboration.ts by a
// unit test.
// Use as: CALL (ctx) { // #include network/members-of-context }  →  members [{id, key}]
WITH ctx WHERE ctx IS :: NODE
MATCH (ctx)<-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]-(b:Ally)
WHERE @visible(b)
RETURN collect({id: b.id, key: coalesce(b.sortName, '')}) AS members
UNION ALL
WITH ctx WHERE ctx IS :: RELATIONSHIP
RETURN [b IN [startNode(ctx), endNode(ctx)] WHERE @visible(b) | {id: b.id, key: coalesce(b.sortName, '')}] AS members
