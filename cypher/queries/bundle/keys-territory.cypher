// Export: one page of Territory keys in key order (keyset paging keeps each read transaction short).
MATCH (n:Territory)
WHERE n.ref > $after
RETURN n.ref AS key
ORDER BY key
LIMIT $limit
