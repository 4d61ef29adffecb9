// Export: one page of Event keys in key order (keyset paging keeps each read transaction short).
MATCH (n:Event)
WHERE n.slug > $after
RETURN n.slug AS key
ORDER BY key
LIMIT $limit
