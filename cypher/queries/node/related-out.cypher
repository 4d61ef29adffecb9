// The short relation lists (a node's seat, themes, objectives…) of each ask ($asks: {key, label, id,
// types, role, targetLabel, level, props, rel}): the nodes related to the parent (label, id) through
// relationships of `types`, outgoing, optionally only those with `role`, of `targetLabel` or
// (territories) of `level`, all of them, in the order of the related node's sort key then id, with
// the relationship properties `rel` and the node properties `props` (null: all; see
// src/modules/node/projection.ts). The short lists of one request level share this query; the pages
// are read by shape (node/related-page, src/modules/node/related.shapes.ts) in the same transaction,
// their totals by related-count-out when selected. Types, labels and property names are whitelisted by
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
