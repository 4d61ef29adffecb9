// Nodes of one label ($label, whitelisted by the repository) by human key: slug, territory ref or
// objective code. Same privacy rules as by-ids; the properties $props only (null: all; see
// src/modules/node/projection.ts). With each node, `related`: the short out-relation lists $asks (as in
// related-out, without the parent's label and id: the node found is the parent) — the look-ahead of
// a root such as ally(slug), which reads its fields' lists in the same round trip; [] for none.
// With a page of a relation fixed by the graph model too: related.shapes.ts, byKeyWithPageQuery.
// #include node/by-keys#find-any
// #include node/by-keys#lists
// #include node/by-keys#return
// #include node/by-keys#node
