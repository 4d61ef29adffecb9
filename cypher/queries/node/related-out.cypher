// For each ask ($asks: {key, label, id, types, role, targetLabel, level, props, rel, desc, afterKey,
// afterId, limit}): the nodes related to the parent (label, id) through relationships of `types`,
// outgoing, optionally only those with `role`, of `targetLabel` or (territories) of `level`,
// ordered by the related node's sort key then id from the keyset cursor (afterKey, afterId), at most
// `limit` (null: all, for the short lists of a node: its themes, seat, objectives…), with the
// relationship properties `rel` and the node properties `props` (null: all; see
// src/modules/node/projection.ts). The short lists and the pages of one request level share this
// query (the ally card's seat, themes and first chantiers: one round trip). A page's total is
// related-count-out, run only when selected. Types, labels and property names are whitelisted by
// the repository. Private persons are invisible unless the viewer may see them; emails only for
// viewers who may see them.
UNWIND $asks AS ask
CALL (ask) {
  // #include node/parent
}
CALL (ask, p) {
  // #include node/related-out-of
}
RETURN ask.key AS key, rows
