// The conditions of a network filter ($f) that apply to the chantier `c` of a statistic: serves the
// objective, addresses any of the themes, is located within the territory, is the chantier.
// EXISTS subqueries only (see ally-filter.cypher: a pattern comprehension is evaluated on every row).
WHERE ($f.objective IS NULL OR EXISTS { (c)-[:SERVES]->(:CharterObjective {code: $f.objective}) })
  AND ($f.themes IS NULL OR EXISTS { (c)-[:ADDRESSES]->(filterTheme:Theme) WHERE filterTheme.slug IN $f.themes })
  AND ($f.territory IS NULL OR EXISTS { (c)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..]->(:Territory {ref: $f.territory}) })
  AND ($f.chantier IS NULL OR c.slug = $f.chantier)
