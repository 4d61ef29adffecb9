// Export: one page of Theme keys in key order (keyset paging keeps each read transaction short).
MATCH (n:Theme)
WHERE n.slug > $after
RETURN n.slug AS key
ORDER BY key
LIMIT $limit
