// Allies each ally (by element id) does not collaborate with yet, ranked by
//   score = Adamic–Adar over the collaboration graph (Σ 1/ln(collaborators of z) over the common
//           collaborators z) + 0.5 per shared theme + 1 for the same seat commune, else 0.5 for the
//           same département, else 0.25 for the same région,
// then name, then id. Candidates: collaborators of collaborators, and allies sharing a theme whose
// seat is in the same région. What the reasons are made of comes along (common collaborators, shared
// themes, the most specific shared place). Params: $eids, $limit, $canSeePrivate, $canSeeEmails.
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  CALL (a) {
    // #include network/collaboration-context
  }
  RETURN collect(DISTINCT b) AS collaborators
}
CALL (a) {
  OPTIONAL MATCH (a)-[:BASED_IN]->(seat:Territory)
  RETURN seat AS aSeat,
    head([(seat)-[:PART_OF*0..2]->(d:Territory {level: 'DEPARTEMENT'}) | d]) AS aDep,
    head([(seat)-[:PART_OF*0..3]->(r:Territory {level: 'REGION'}) | r]) AS aRegion
}
CALL (a, collaborators, aRegion) {
  // Common collaborators, each weighing 1/ln(its number of collaborators).
  UNWIND collaborators AS z
  CALL (z) {
    WITH z AS a
    CALL (a) {
      // #include network/collaboration-context
    }
    RETURN collect(DISTINCT b) AS around
  }
  UNWIND around AS c
  WITH a, collaborators, z, size(around) AS degZ, c WHERE c <> a AND NOT c IN collaborators
  RETURN c, sum(1.0 / log(degZ)) AS adamicAdar, collect(z.name) AS common
  UNION
  // Allies sharing a theme, seated in the same région.
  MATCH (a)-[:WORKS_ON]->(:Theme)<-[:WORKS_ON]-(c:Ally)
  WHERE c <> a AND NOT c IN collaborators AND aRegion IS NOT NULL
    AND @visible(c)
    AND EXISTS { (c)-[:BASED_IN]->(:Territory)-[:PART_OF*0..3]->(aRegion:Territory) }
  RETURN DISTINCT c, 0.0 AS adamicAdar, [] AS common
}
WITH eid, a, aSeat, aDep, aRegion, c, sum(adamicAdar) AS adamicAdar, reduce(all = [], l IN collect(common) | all + l) AS common
CALL (a, c) {
  OPTIONAL MATCH (a)-[:WORKS_ON]->(t:Theme)<-[:WORKS_ON]-(c)
  WITH t ORDER BY t.sortName
  RETURN collect(t.name) AS themes
}
CALL (c, aSeat, aDep, aRegion) {
  OPTIONAL MATCH (c)-[:BASED_IN]->(seat:Territory)
  WITH seat, aSeat, aDep, aRegion
  RETURN CASE
      WHEN seat IS NOT NULL AND seat = aSeat THEN {level: 'seat', name: seat.name, bonus: 1.0}
      WHEN aDep IS NOT NULL AND EXISTS { (seat)-[:PART_OF*0..2]->(aDep:Territory) } THEN {level: 'DEPARTEMENT', name: aDep.name, bonus: 0.5}
      WHEN aRegion IS NOT NULL AND EXISTS { (seat)-[:PART_OF*0..3]->(aRegion:Territory) } THEN {level: 'REGION', name: aRegion.name, bonus: 0.25}
    END AS place
}
WITH eid, c, adamicAdar, common, themes, place,
  adamicAdar + 0.5 * size(themes) + coalesce(place.bonus, 0.0) AS score
ORDER BY score DESC, c.sortName, c.id
WITH eid, collect({
  score: score, adamicAdar: adamicAdar, common: common, themes: themes, place: place,
  ally: c {.*, email: CASE WHEN $canSeeEmails THEN c.email END, _eid: elementId(c), _labels: labels(c)}
})[0..$limit] AS suggestions
RETURN eid AS parent, suggestions
