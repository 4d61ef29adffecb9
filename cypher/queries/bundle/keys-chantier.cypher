// Export: one page of Chantier keys in key order (keyset paging keeps each read transaction short).
MATCH (n:Chantier)
WHERE n.slug > $after
RETURN n.slug AS key
ORDER BY key
LIMIT $limit
