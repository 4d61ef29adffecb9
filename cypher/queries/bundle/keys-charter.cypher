// Export: one page of Charter keys in key order (keyset paging keeps each read transaction short).
MATCH (n:Charter)
WHERE n.slug > $after
RETURN n.slug AS key
ORDER BY key
LIMIT $limit
