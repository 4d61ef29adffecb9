// Import: sets the properties a bundle is authoritative for (a null removes one), fixes the kind
// labels (Organization/Person) and marks the node updated. Only called for nodes that changed.
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.eid
SET n += row.props, n.updatedAt = datetime()
SET n:$(row.addLabels)
REMOVE n:$(row.removeLabels)
RETURN count(n) AS updated
