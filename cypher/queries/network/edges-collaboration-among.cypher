// The COLLABORATION network among a set of allies (element ids): one row per collaborating pair
// (source before target by id), weighted by the number of shared contexts. Params: $eids, $canSeePrivate.
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  CALL (a) {
    // #include network/collaboration-context
  }
  WITH b, count(DISTINCT via) AS weight
  WHERE a.id < b.id AND elementId(b) IN $eids
  RETURN elementId(b) AS t, weight
}
RETURN eid AS s, t, weight
