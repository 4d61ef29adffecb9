// The contexts each pair of allies (by id) shares, for the steps of a path. The collaboration
// context is symmetric, so it is expanded from the member of the pair with fewer relationships
// (a hub on a path costs its partner's degree, not its own). Params: $pairs [{a, b}], $canSeePrivate, $canSeeEmails.
UNWIND $pairs AS pair
MATCH (x:Ally {id: pair.a}), (y:Ally {id: pair.b}) WHERE @visible(x) AND @visible(y)
WITH pair, CASE WHEN COUNT { (x)--() } <= COUNT { (y)--() } THEN x ELSE y END AS a,
  CASE WHEN COUNT { (x)--() } <= COUNT { (y)--() } THEN y ELSE x END AS other
WHERE @visible(a)
CALL (a, other) {
  CALL (a) {
    // #include network/collaboration-context
  }
  WITH b, via WHERE b = other
  RETURN collect(DISTINCT via {.*, email: CASE WHEN $canSeeEmails THEN via.email END, _eid: elementId(via), _labels: labels(via)}) AS via
}
RETURN pair.a AS a, pair.b AS b, via
