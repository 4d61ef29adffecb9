// The first $limit hits of a full-text query over every searchable type (index search_all), by score,
// then name or title, then id; private persons left out.
CALL db.index.fulltext.queryNodes('search_all', $query) YIELD node, score
WHERE NOT node:Person OR node.public = true
WITH node, score ORDER BY score DESC, coalesce(node.sortName, node.sortTitle, ''), node.id
LIMIT $limit
RETURN node.id AS id, score
