// The COLLABORATION network among a set of allies (element ids), as the contexts they share: one row
// per context (contexts-of) that two or more of them take part in, with their positions in $eids.
// The caller makes the pairs and weighs them (the number of contexts a pair shares). Grouping the
// set by its contexts makes only the pairs inside the set: a hub in the set costs its own contexts,
// not its tens of thousands of collaborators outside it. Counting the pairs here
// (`count(DISTINCT ctx)` per pair) cost 570 ms for a theme's 3,565 allies at 100k allies (117,000
// pairs), counting them in the caller ~15 ms; and positions are 1-3 digits where element ids are 40
// characters.
// Params: $eids, $canSeePrivate.
UNWIND range(0, size($eids) - 1) AS i
MATCH (a:Ally) WHERE elementId(a) = $eids[i] AND @visible(a)
CALL (a) {
  // #include network/contexts-of
}
WITH ctx, collect(i) AS members
WHERE size(members) > 1
RETURN members
