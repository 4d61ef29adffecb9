// The start sets of a network filter ($f): the allies of its most selective reference
// (network.filter.ts, networkStart), one MATCH each, binding `a` (once per path: the caller makes it
// distinct). The network's start queries (network/allies-from-*) and the statistics started from
// allies (stats/territory-stats-from-allies) read them here.
// @chantier
MATCH (:Chantier {slug: $f.chantier})<-[:CONTRIBUTES_TO]-(a:Ally)
// @objective
MATCH (:CharterObjective {code: $f.objective})<-[:SERVES]-(:Chantier)<-[:CONTRIBUTES_TO]-(a:Ally)
// @themes
MATCH (startTheme:Theme WHERE startTheme.slug IN $f.themes)<-[:WORKS_ON]-(a:Ally)
// @territory
MATCH (:Territory {ref: $f.territory})<-[:PART_OF*0..]-(:Territory)<-[:BASED_IN|ACTS_IN]-(a:Ally)
