// Per région (by code): the allies an anonymous reader may see based or acting within it (each once;
// organisations, persons) and the chantiers located within it. Within: the région and everything
// PART_OF it.
MATCH (t:Territory {level: 'REGION'})
CALL (t) {
  MATCH (t)<-[:PART_OF*0..]-(:Territory)<-[:BASED_IN|ACTS_IN]-(a:Ally)
  WHERE a:Organization OR a.public = true
  WITH DISTINCT a
  RETURN count(a) AS allies, count(CASE WHEN a:Organization THEN 1 END) AS organizations, count(CASE WHEN a:Person THEN 1 END) AS persons
}
CALL (t) {
  MATCH (t)<-[:PART_OF*0..]-(:Territory)<-[:LOCATED_IN]-(c:Chantier)
  RETURN count(DISTINCT c) AS chantiers
}
RETURN t.code AS code, allies, organizations, persons, chantiers
ORDER BY code
