// Import: creates nodes with their labels and properties, a fresh opaque id and timestamps.
// (The right-hand sides of one SET are read before any is written: hence `now`.)
WITH datetime() AS now
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.props, n.id = randomUUID(), n.createdAt = now, n.updatedAt = now
RETURN row.key AS key, elementId(n) AS eid
