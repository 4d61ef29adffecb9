// THE collaboration context (collaboration-context.cypher) seen from the contexts: for the ally `a`
// in scope, one row per context it takes part in, `ctx` — a chantier it contributes to, a learning
// community it belongs to (or leads), or one of its MEMBER_OF relationships (shared by exactly the
// person and the organisation). Two allies collaborate when they have a `ctx` in common, weighted by
// how many; grouping a set's allies by `ctx` finds the pairs inside the set without expanding
// everyone they work with outside it. A unit test holds it to collaboration.ts.
// Use as: CALL (a) { // #include network/contexts-of }  →  ctx
MATCH (a)-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]->(ctx:Chantier|LearningCommunity)
RETURN ctx
UNION ALL
MATCH (a)-[ctx:MEMBER_OF]-(:Ally)
RETURN ctx
