// Import: creates nodes with their labels and properties, a fresh opaque id and timestamps.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props, n.id = randomUUID(), n.createdAt = datetime(), n.updatedAt = n.createdAt
RETURN row.key AS key, elementId(n) AS eid
