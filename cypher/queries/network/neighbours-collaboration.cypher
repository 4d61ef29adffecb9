// One level of a neighbourhood over the collaboration graph: the allies collaborating with each
// frontier ally (element ids) that the search has not reached yet. Params: $eids, $visited, $canSeePrivate.
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  CALL (a) {
    // #include network/collaboration-context
  }
  RETURN DISTINCT b
}
WITH b WHERE NOT elementId(b) IN $visited
RETURN DISTINCT elementId(b) AS eid
