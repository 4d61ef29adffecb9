// EPCIs used to be PART_OF every département of their member communes, so "within a département"
// reached the communes of its neighbours through an EPCI spanning both. They are now PART_OF the
// smallest territory of the tree holding all their communes (src/modules/territory/geography.ts):
// their département, else their région, else the country. This rewrites stores imported before.
MATCH (e:Territory {level: 'EPCI'})-[:PART_OF]->(:Territory {level: 'DEPARTEMENT'})
WITH e, count(*) AS departements WHERE departements > 1
CALL (e) {
  MATCH (e)-[:PART_OF]->(:Territory {level: 'DEPARTEMENT'})-[:PART_OF]->(r:Territory)
  WITH collect(DISTINCT r) AS above
  OPTIONAL MATCH (fr:Territory {ref: 'country:FR'})
  RETURN CASE WHEN size(above) = 1 AND above[0].level = 'REGION' THEN above[0] ELSE fr END AS target
}
CALL (e) {
  MATCH (e)-[old:PART_OF]->(:Territory {level: 'DEPARTEMENT'})
  DELETE old
}
WITH e, target WHERE target IS NOT NULL
MERGE (e)-[:PART_OF]->(target);
