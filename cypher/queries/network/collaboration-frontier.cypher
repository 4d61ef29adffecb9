// One level of a breadth-first search over the collaboration graph: for each ally of the frontier
// (by id), the allies it collaborates with that the search has not reached yet ($visited), each
// once, with their sort key (the path's tie rule orders by it). Params: $ids, $visited, $canSeePrivate.
UNWIND $ids AS id
MATCH (a:Ally {id: id}) WHERE @visible(a)
CALL (a) {
  CALL (a) {
    // #include network/collaboration-context
  }
  WITH DISTINCT b WHERE NOT b.id IN $visited
  RETURN collect({id: b.id, key: coalesce(b.sortName, '')}) AS next
}
RETURN id AS from, next
