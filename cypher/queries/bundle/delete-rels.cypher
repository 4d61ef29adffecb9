// Import: removes the relationships a bundle is authoritative for, before they are written again.
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.eid
CALL (n, row) {
  MATCH (n)-[r]->() WHERE type(r) IN row.outTypes
  DELETE r
}
CALL (n, row) {
  MATCH (n)<-[r]-() WHERE type(r) IN row.inTypes
  DELETE r
}
RETURN count(n) AS nodes
