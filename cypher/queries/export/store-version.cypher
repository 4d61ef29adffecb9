// The version of the graph the exports' ETag and Last-Modified derive from (src/http/export/store-version.ts):
// the store's id, its node and relationship counts (count store: constant time) and the latest
// updatedAt. The one write path (bundle sync) sets updatedAt on every node it creates or changes,
// properties or owned relationships alike, and never deletes nodes; so any write it makes changes
// this tuple. The updatedAt maximum reads one property per node (no index): tens of ms at 100k.
CALL db.info() YIELD id
CALL () {
  MATCH (n) RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->() RETURN count(r) AS relationships
}
CALL () {
  MATCH (n) WHERE n.updatedAt IS NOT NULL
  RETURN max(n.updatedAt) AS lastModified
}
RETURN id AS store, nodes, relationships, toString(lastModified) AS lastModified
