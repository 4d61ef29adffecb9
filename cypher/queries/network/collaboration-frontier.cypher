// One level of a breadth-first search over the collaboration graph, seen from the contexts: each
// context the frontier's allies (by id) take part in (contexts-of), once, with which of them take
// part (`from`) and every visible ally that does (`members`, with the sort key of the path's tie
// rule). A chantier shared by many frontier allies is read once, not once per ally, and a hub costs
// its contexts, not its tens of thousands of collaborators; the caller drops the allies the search
// has reached already.
// The meeting level is read without expanding the members: the contexts of the other side's
// frontier ($other, cheap: a few per ally) are read first, and when some context of this frontier
// is one of them, only those contexts are returned (their members hold every ally where the two
// searches meet, and each one's parents on this side). At 100k allies, the last level of a 5-hop
// path read 54,560 members of 170 contexts (200 ms) for the few where the searches met.
// Params: $ids, $other (ids; [] to skip the check), $canSeePrivate.
UNWIND $ids AS id
MATCH (a:Ally {id: id}) WHERE @visible(a)
CALL (a) {
  // #include network/contexts-of
}
WITH ctx, collect(a.id) AS from
WITH collect({ctx: ctx, from: from}) AS contexts
CALL () {
  UNWIND $other AS otherId
  MATCH (a:Ally {id: otherId}) WHERE @visible(a)
  CALL (a) {
    // #include network/contexts-of
  }
  RETURN collect(DISTINCT elementId(ctx)) AS otherContexts
}
WITH contexts, [c IN contexts WHERE elementId(c.ctx) IN otherContexts] AS meeting
UNWIND CASE WHEN size(meeting) > 0 THEN meeting ELSE contexts END AS c
WITH c.ctx AS ctx, c.from AS from, size(meeting) > 0 AS met
CALL (ctx, met) {
  CALL (ctx) {
    // #include network/members-of-context
  }
  // Where the searches meet, only the other side's frontier (visible allies: the search reached
  // them); elsewhere every visible member.
  WITH b WHERE CASE WHEN met THEN b.id IN $other ELSE @visible(b) END
  RETURN collect({id: b.id, key: coalesce(b.sortName, '')}) AS members
}
WITH from, members WHERE size(members) > 0
RETURN from, members
