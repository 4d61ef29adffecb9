// The Charter of the alliance (the first by slug, should a graph hold several).
MATCH (c:Charter)
RETURN c {.*, _eid: elementId(c), _labels: labels(c)} AS node
ORDER BY c.slug
LIMIT 1
