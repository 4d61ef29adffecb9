// The related nodes of one ask (see node/related-out.cypher) for its parent `p`: outgoing
// relationships of ask.types, filtered, ordered and cut as the ask says, as one list `rows`. Shared by
// related-out (parents by label and id) and by-key-with-related-out (the parent just found by key).
// Use as: CALL (ask, p) { // #include node/related-out-of }  →  rows
MATCH (p)-[r:$any(ask.types)]->(m)
WHERE (ask.role IS NULL OR r.role = ask.role)
  AND (ask.targetLabel IS NULL OR ask.targetLabel IN labels(m))
  AND (ask.level IS NULL OR m.level = ask.level)
  AND @visible(m)
// #include node/related-page#key-any
WHERE ask.afterKey IS NULL OR CASE WHEN ask.desc
    THEN sortKey < ask.afterKey OR (sortKey = ask.afterKey AND m.id < ask.afterId)
    ELSE sortKey > ask.afterKey OR (sortKey = ask.afterKey AND m.id > ask.afterId) END
WITH r, m, sortKey ORDER BY CASE WHEN ask.desc THEN sortKey END DESC, CASE WHEN ask.desc THEN m.id END DESC,
  CASE WHEN NOT ask.desc THEN sortKey END ASC, CASE WHEN NOT ask.desc THEN m.id END ASC
WITH collect([r, m, sortKey]) AS all
UNWIND CASE WHEN ask.limit IS NULL THEN all ELSE all[..ask.limit] END AS x
WITH x[0] AS r, x[1] AS m, x[2] AS sortKey
// #include node/related-page#rows
