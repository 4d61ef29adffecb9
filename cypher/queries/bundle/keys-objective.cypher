// Export: one page of CharterObjective keys in key order (keyset paging keeps each read transaction short).
MATCH (n:CharterObjective)
WHERE n.code > $after
RETURN n.code AS key
ORDER BY key
LIMIT $limit
