// The conditions of a network filter ($f) that apply to the chantier `c` of a statistic: serves the
// objective, addresses any of the themes, is located within the territory, is the chantier.
// Written with `// #where network/chantier-filter` (see ally-filter.cypher): only those the filter has.
// @objective
EXISTS { (c)-[:SERVES]->(:CharterObjective {code: $f.objective}) }
// @themes
EXISTS { (c)-[:ADDRESSES]->(filterTheme:Theme) WHERE filterTheme.slug IN $f.themes }
// @territory
EXISTS { (c)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..]->(:Territory {ref: $f.territory}) }
// @chantier
c.slug = $f.chantier
