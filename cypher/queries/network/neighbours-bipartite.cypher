// One level of a neighbourhood over the stored graph: the nodes related to each frontier node
// (element ids) by the network's relationship types, either way, that the viewer may see and the
// search has not reached yet. Params: $eids, $visited, $canSeePrivate.
UNWIND $eids AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[:WORKS_ON|CONTRIBUTES_TO|MEMBER_OF_COMMUNITY|BASED_IN|ACTS_IN|MEMBER_OF|SERVES|ADDRESSES|PART_OF|SUBTHEME_OF]-(m)
WHERE @visible(m) AND NOT elementId(m) IN $visited
RETURN DISTINCT elementId(m) AS eid
