// The stored relationships of the network's types between nodes of a set (element ids), for a
// neighbourhood. Params: $eids, $canSeePrivate.
UNWIND $eids AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r:WORKS_ON|CONTRIBUTES_TO|MEMBER_OF_COMMUNITY|BASED_IN|ACTS_IN|MEMBER_OF|SERVES|ADDRESSES|PART_OF|SUBTHEME_OF]->(m)
WHERE elementId(m) IN $eids AND @visible(m)
RETURN eid AS s, elementId(m) AS t, type(r) AS type
