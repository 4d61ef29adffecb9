// The references a request's list criteria name (DESIGN §11, step 2), read once per batch before
// planning: whether each exists, and how big a starting set it would give. Each figure is a count
// store read, a node's degree or one index lookup per key: cheap whatever the size of the graph.
// These are planner estimates, never returned to a client: the counts here are not privacy-filtered
// (the ally keys are, as their existence is answered).
// Params: $themes, $chantiers, $objectives, $territories, $allies (ally slugs), $texts, $canSeePrivate.
// Every part (the shape the tests EXPLAIN); the API sends the parts a request needs (references.ts).
// #include node/read-references#totals
// #include node/read-references#themes
// #include node/read-references#chantiers
// #include node/read-references#objectives
// #include node/read-references#territories
// #include node/read-references#allies
// #include node/read-references#texts
RETURN allyCount, chantierCount, francePopulation, themes, chantiers, objectives, territories, allies, texts
