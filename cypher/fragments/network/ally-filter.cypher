// The residual conditions of a network filter ($f) on the ally `a` of a start set, with the viewer's
// privacy: the AllyFilter meanings (themes: ANY; territory: within, i.e. based or acting in it or in
// anything PART_OF it; chantier: contributes to it; objective: contributes to a chantier serving it).
WHERE @visible(a)
  AND ($f.kinds IS NULL OR a.kind IN $f.kinds)
  AND ($f.themes IS NULL OR EXISTS { (a)-[:WORKS_ON]->(filterTheme:Theme) WHERE filterTheme.slug IN $f.themes })
  AND ($f.chantier IS NULL OR EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier {slug: $f.chantier}) })
  AND ($f.objective IS NULL OR EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier)-[:SERVES]->(:CharterObjective {code: $f.objective}) })
  AND ($f.territory IS NULL OR $f.territory IN [(a)-[:BASED_IN|ACTS_IN]->(:Territory)-[:PART_OF*0..]->(filterUp:Territory) | filterUp.ref])
