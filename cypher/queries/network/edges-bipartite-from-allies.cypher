// The BIPARTITE network of a set of allies (element ids), as stored: each ally's themes, chantiers,
// learning communities, territories and organisations, and the chantiers' objectives and themes.
// One row per relationship: source and target element ids and its type. Private persons only for
// viewers who may see them. Params: $eids, $canSeePrivate.
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  MATCH (a)-[r:WORKS_ON|CONTRIBUTES_TO|MEMBER_OF_COMMUNITY|BASED_IN|ACTS_IN|MEMBER_OF]->(m)
  WHERE @visible(m)
  RETURN elementId(a) AS s, elementId(m) AS t, type(r) AS type
  UNION
  MATCH (a)-[:CONTRIBUTES_TO]->(c:Chantier)-[r:SERVES|ADDRESSES]->(m)
  RETURN elementId(c) AS s, elementId(m) AS t, type(r) AS type
}
RETURN DISTINCT s, t, type
