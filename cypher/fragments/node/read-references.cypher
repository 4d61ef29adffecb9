// The parts of node/read-references (cypher/queries/node/read-references.cypher): the totals, and
// one CALL per kind of reference, each read only when the request names references of that kind
// (src/modules/node/references.ts composes the parts present, so each combination plans alone).

// @totals
CALL () { MATCH (a:Ally) RETURN count(a) AS allyCount }
CALL () { MATCH (c:Chantier) RETURN count(c) AS chantierCount }
CALL () { OPTIONAL MATCH (fr:Territory {ref: 'country:FR'}) RETURN fr.population AS francePopulation }

// @themes
CALL () {
  UNWIND $themes AS slug
  MATCH (t:Theme {slug: slug})
  RETURN collect({key: slug, allies: COUNT { (t)<-[:WORKS_ON]-() }, chantiers: COUNT { (t)<-[:ADDRESSES]-() }}) AS themes
}

// @chantiers
CALL () {
  UNWIND $chantiers AS slug
  MATCH (ch:Chantier {slug: slug})
  RETURN collect({key: slug, allies: COUNT { (ch)<-[:CONTRIBUTES_TO]-() }}) AS chantiers
}

// @objectives
CALL () {
  UNWIND $objectives AS code
  MATCH (o:CharterObjective {code: code})
  CALL (o) {
    OPTIONAL MATCH (o)<-[:SERVES]-(ch:Chantier)
    RETURN count(ch) AS served, sum(COUNT { (ch)<-[:CONTRIBUTES_TO]-() }) AS contributions
  }
  RETURN collect({key: code, chantiers: served, allies: contributions}) AS objectives
}

// @territories
CALL () {
  UNWIND $territories AS ref
  MATCH (t:Territory {ref: ref})
  RETURN collect({key: ref, level: t.level, population: t.population}) AS territories
}

// @allies
CALL () {
  UNWIND $allies AS slug
  MATCH (a:Ally {slug: slug}) WHERE @visible(a)
  RETURN collect({key: slug, chantiers: COUNT { (a)-[:CONTRIBUTES_TO]->() }}) AS allies
}

// @texts
CALL () {
  UNWIND $texts AS q
  CALL (q) {
    CALL db.index.fulltext.queryNodes('search_text', q, {limit: 10000}) YIELD node
    RETURN count(CASE WHEN node:Ally THEN 1 END) AS allyHits, count(CASE WHEN node:Chantier THEN 1 END) AS chantierHits
  }
  RETURN collect({key: q, allies: allyHits, chantiers: chantierHits}) AS texts
}
