// Export: one page of Ally keys in key order (keyset paging keeps each read transaction short).
MATCH (n:Ally)
WHERE n.slug > $after
RETURN n.slug AS key
ORDER BY key
LIMIT $limit
