// The COLLABORATION network among a set of allies (element ids): the collaborating pairs (source
// before target by id), weighted by the number of shared contexts, one row per source with its
// targets as [elementId, weight] (a set of 4,000 allies of one theme makes over 100,000 pairs at 100k
// allies: as rows, more than one request may read; the set itself is bounded by maxNodes). The set's allies are
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
WITH a, b, count(DISTINCT ctx) AS weight
RETURN elementId(a) AS s, collect([elementId(b), weight]) AS targets
