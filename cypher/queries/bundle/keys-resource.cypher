// Export: one page of Resource keys in key order (keyset paging keeps each read transaction short).
MATCH (n:Resource)
WHERE n.slug > $after
RETURN n.slug AS key
ORDER BY key
LIMIT $limit
