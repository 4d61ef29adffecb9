// The collaboration network of a theme's allies (an anonymous reader's): how many there are, and the
// weighted pairs (shared contexts) among the 2 × $maxNodes with the most relationships, as an
// application would draw it. No communities: that is the client's work here.
MATCH (:Theme {slug: $theme})<-[:WORKS_ON]-(a:Ally)
WHERE a:Organization OR a.public = true
WITH DISTINCT a
WITH a, COUNT { (a)--() } AS degree ORDER BY degree DESC, a.id
WITH collect(a) AS ranked
WITH size(ranked) AS total, ranked[0..2 * $maxNodes] AS kept
CALL (kept) {
  UNWIND kept AS a
  CALL (a) {
    MATCH (a)-[:CONTRIBUTES_TO|MEMBER_OF_COMMUNITY]->(ctx:Chantier|LearningCommunity)
    RETURN ctx
    UNION ALL
    MATCH (a)-[ctx:MEMBER_OF]-(:Ally)
    RETURN ctx
  }
  WITH ctx, collect(DISTINCT a) AS members WHERE size(members) > 1
  UNWIND members AS a
  UNWIND members AS b
  WITH a, b, ctx WHERE a.id < b.id
  WITH a, b, count(DISTINCT ctx) AS weight
  RETURN collect([a.id, b.id, weight]) AS edges
}
RETURN total, size(kept) AS read, edges
