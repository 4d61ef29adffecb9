// The nodes of a network (element ids) with what a network view shows of them. Emails never.
// Params: $eids.
UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
RETURN eid, n.id AS id, labels(n) AS labels, n {.slug, .ref, .code, .name, .title, .kind, .organizationType, .level, .status, .location} AS props
