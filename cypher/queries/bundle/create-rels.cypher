// Import: creates relationships between nodes already resolved to element ids.
UNWIND $rels AS rel
MATCH (a) WHERE elementId(a) = rel.from
MATCH (b) WHERE elementId(b) = rel.to
CREATE (a)-[r:$(rel.type)]->(b)
SET r = rel.props
RETURN count(r) AS created
