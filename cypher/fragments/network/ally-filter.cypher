// The residual conditions of a network filter ($f) on the ally `a` of a start set, with the viewer's
// privacy: the AllyFilter meanings (themes: ANY; territory: within, i.e. based or acting in it or in
// anything PART_OF it; chantier: contributes to it; objective: contributes to a chantier serving it).
// Each condition is an EXISTS subquery, never a pattern comprehension: the planner evaluates a
// comprehension for every row even when its `$f.x IS NULL OR` side holds (9 of the 11.5 million db
// hits of territoryStats(level: REGION) at 100k allies), while EXISTS is skipped.
WHERE @visible(a)
  AND ($f.kinds IS NULL OR a.kind IN $f.kinds)
  AND ($f.themes IS NULL OR EXISTS { (a)-[:WORKS_ON]->(filterTheme:Theme) WHERE filterTheme.slug IN $f.themes })
  AND ($f.chantier IS NULL OR EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier {slug: $f.chantier}) })
  AND ($f.objective IS NULL OR EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier)-[:SERVES]->(:CharterObjective {code: $f.objective}) })
  AND ($f.territory IS NULL OR EXISTS { (a)-[:BASED_IN|ACTS_IN]->(:Territory)-[:PART_OF*0..]->(:Territory {ref: $f.territory}) })
