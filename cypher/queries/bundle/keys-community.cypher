// Export: one page of LearningCommunity keys in key order (keyset paging keeps each read transaction short).
MATCH (n:LearningCommunity)
WHERE n.slug > $after
RETURN n.slug AS key
ORDER BY key
LIMIT $limit
