// The collaborators `b` of the ally `a` in scope, each with its weight (the number of contexts they
// share, count(DISTINCT via): no list per collaborator), only those working on $theme when given.
// Use as: (a in scope) // #include network/collaborators-weighed  →  a, b, weight
CALL (a) {
  // #include network/collaboration-context
}
WITH a, b, count(DISTINCT via) AS weight
WHERE $theme IS NULL OR EXISTS { (b)-[:WORKS_ON]->(:Theme {slug: $theme}) }
