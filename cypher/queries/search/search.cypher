// French full-text search over every searchable label (index search_all on searchText), ranked by
// Lucene's score, then name or title, then id. $labels keeps only those labels; private persons
// only for viewers who may see them. $candidates bounds what Lucene returns before those filters.
// Params: $query (built by toSearchQuery: user words only travel inside it as escaped terms),
// $labels, $candidates, $limit, $canSeePrivate, $canSeeEmails.
CALL db.index.fulltext.queryNodes('search_all', $query, {limit: $candidates}) YIELD node, score
WHERE any(l IN labels(node) WHERE l IN $labels)
  AND @visible(node)
WITH node, score, coalesce(node.sortName, node.sortTitle, '') AS sortKey
ORDER BY score DESC, sortKey, node.id
LIMIT $limit
RETURN score, node {.*, email: CASE WHEN $canSeeEmails THEN node.email END, _eid: elementId(node), _labels: labels(node)} AS node
