// For each ask ($asks: {key, label, id, types, role, targetLabel, level, props, rel, desc, afterKey,
// afterId, limit}): the nodes related to the parent (label, id) through relationships of `types`,
// incoming, optionally only those with `role`, of `targetLabel` or (territories) of `level`,
// ordered by the related node's sort key then id from the keyset cursor (afterKey, afterId), at most
// `limit` (null: all, for the short lists of a node: its themes, seat, objectives…), with the
// relationship properties `rel` and the node properties `props` (null: all; see
// src/modules/node/projection.ts). The short lists and the pages of one request level share this
// query (the ally card's seat, themes and first chantiers: one round trip). A page's total is
// related-count-in, run only when selected. Types, labels and property names are whitelisted by
// the repository. Private persons are invisible unless the viewer may see them; emails only for
// viewers who may see them.
UNWIND $asks AS ask
CALL (ask) {
  // #include node/parent
}
CALL (ask, p) {
  MATCH (p)<-[r:$any(ask.types)]-(m)
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
}
RETURN ask.key AS key, rows
