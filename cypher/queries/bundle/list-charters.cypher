// The charters in the graph (an alliance normally has one): the target of SIGNED and OBJECTIVE_OF.
MATCH (c:Charter)
RETURN c.slug AS slug
ORDER BY slug
LIMIT 2
