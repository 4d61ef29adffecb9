// The residual conditions of a network filter ($f) on the ally `a` of a start set, with the viewer's
// privacy: the AllyFilter meanings (themes: ANY; territory: within, i.e. based or acting in it or in
// anything PART_OF it; chantier: contributes to it; objective: contributes to a chantier serving it).
// Written into a query with `// #where network/ally-filter` (cypher-registry.ts, shapedQuery): privacy
// always, then only the conditions the filter has (one plan per shape, STYLE 7: a `$f.x IS NULL OR`
// guard for every condition cost territoryStats 580–634 ms at 100k allies, against 255 ms without).
// Each condition is an EXISTS subquery or a stored property, never a pattern comprehension (a
// comprehension is evaluated on every row).
// @always
@visible(a)
// @kinds
a.kind IN $f.kinds
// @themes
EXISTS { (a)-[:WORKS_ON]->(filterTheme:Theme) WHERE filterTheme.slug IN $f.themes }
// @chantier
EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier {slug: $f.chantier}) }
// @objective
EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier)-[:SERVES]->(:CharterObjective {code: $f.objective}) }
// @territory
// The ally's stored territoryRefs (cypher/queries/bundle/refresh-derived.cypher): one property read.
$f.territory IN a.territoryRefs
