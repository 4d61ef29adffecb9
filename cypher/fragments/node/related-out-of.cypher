// The related nodes of one short list (see node/related-out.cypher) for its parent `p`: outgoing
// relationships of ask.types, filtered as the ask says, all of them, in the order of the related
// nodes' sort key, as one list `rows`. Shared by related-out (parents by label and id) and by-keys
// (the parent just found by key). Pages are read by shape (node/related-page).
// Use as: CALL (ask, p) { // #include node/related-out-of }  →  rows
MATCH (p)-[r:$any(ask.types)]->(m)
WHERE (ask.role IS NULL OR r.role = ask.role)
  AND (ask.targetLabel IS NULL OR ask.targetLabel IN labels(m))
  AND (ask.level IS NULL OR m.level = ask.level)
  AND @visible(m)
// #include node/related-page#key-any
WITH r, m, sortKey ORDER BY sortKey, m.id
// #include node/related-page#rows
