// The references a request's list criteria name (DESIGN §11, step 2), read once per batch before
// planning: whether each exists, and how big a starting set it would give. Each figure is a count
// store read, a node's degree or one index lookup per key: cheap whatever the size of the graph.
// These are planner estimates, never returned to a client: the counts here are not privacy-filtered
// (the ally keys are, as their existence is answered).
// Params: $themes, $chantiers, $objectives, $territories, $allies (ally slugs), $texts, $canSeePrivate.
CALL () { MATCH (a:Ally) RETURN count(a) AS allyCount }
CALL () { MATCH (c:Chantier) RETURN count(c) AS chantierCount }
CALL () { OPTIONAL MATCH (fr:Territory {ref: 'country:FR'}) RETURN fr.population AS francePopulation }
CALL () {
  UNWIND $themes AS slug
  MATCH (t:Theme {slug: slug})
  RETURN collect({key: slug, allies: COUNT { (t)<-[:WORKS_ON]-() }, chantiers: COUNT { (t)<-[:ADDRESSES]-() }}) AS themes
}
CALL () {
  UNWIND $chantiers AS slug
  MATCH (ch:Chantier {slug: slug})
  RETURN collect({key: slug, allies: COUNT { (ch)<-[:CONTRIBUTES_TO]-() }}) AS chantiers
}
CALL () {
  UNWIND $objectives AS code
  MATCH (o:CharterObjective {code: code})
  CALL (o) {
    OPTIONAL MATCH (o)<-[:SERVES]-(ch:Chantier)
    RETURN count(ch) AS served, sum(COUNT { (ch)<-[:CONTRIBUTES_TO]-() }) AS contributions
  }
  RETURN collect({key: code, chantiers: served, allies: contributions}) AS objectives
}
CALL () {
  UNWIND $territories AS ref
  MATCH (t:Territory {ref: ref})
  RETURN collect({key: ref, level: t.level, population: t.population}) AS territories
}
CALL () {
  UNWIND $allies AS slug
  MATCH (a:Ally {slug: slug}) WHERE @visible(a)
  RETURN collect({key: slug, chantiers: COUNT { (a)-[:CONTRIBUTES_TO]->() }}) AS allies
}
CALL () {
  UNWIND $texts AS q
  CALL (q) {
    CALL db.index.fulltext.queryNodes('search_text', q, {limit: 10000}) YIELD node
    RETURN count(CASE WHEN node:Ally THEN 1 END) AS allyHits, count(CASE WHEN node:Chantier THEN 1 END) AS chantierHits
  }
  RETURN collect({key: q, allies: allyHits, chantiers: chantierHits}) AS texts
}
RETURN allyCount, chantierCount, francePopulation, themes, chantiers, objectives, territories, allies, texts
