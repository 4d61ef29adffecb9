// The COLLABORATION network among a set of allies (element ids): one row per collaborating pair
// (source before target by id), weighted by the number of shared contexts. The set's allies are
// grouped by the contexts they take part in (contexts-of), so only pairs inside the set are made:
// a hub in the set costs its own contexts, not its tens of thousands of collaborators outside it.
// Params: $eids, $canSeePrivate.
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  // #include network/contexts-of
}
WITH ctx, collect(DISTINCT a) AS members
WHERE size(members) > 1
UNWIND members AS a
UNWIND members AS b
WITH a, b, ctx WHERE a.id < b.id
RETURN elementId(a) AS s, elementId(b) AS t, count(DISTINCT ctx) AS weight
