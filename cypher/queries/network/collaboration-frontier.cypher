// One level of a breadth-first search over the collaboration graph, seen from the contexts: each
// context the frontier's allies (by id) take part in (contexts-of), once, with which of them take
// part (`from`) and every visible ally that does (`members`, with the sort key of the path's tie
// rule). A chantier shared by many frontier allies is read once, not once per ally, and a hub costs
// its contexts, not its tens of thousands of collaborators; the caller drops the allies the search
// has reached already. Params: $ids, $canSeePrivate.
UNWIND $ids AS id
MATCH (a:Ally {id: id}) WHERE @visible(a)
CALL (a) {
  // #include network/contexts-of
}
WITH ctx, collect(a.id) AS from
CALL (ctx) {
  // #include network/members-of-context
}
WITH from, members WHERE size(members) > 0
RETURN from, members
