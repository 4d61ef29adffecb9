// French full-text search over every searchable label (index search_all on searchText), ranked by
// Lucene's score, then name or title, then id. $labels keeps only those labels; private persons
// only for viewers who may see them. $candidates bounds what Lucene returns (best first) before
// those filters; `read` and `lowest` say how many it returned and the lowest score among them, so
// the caller can tell whether hits tied with the page's last score were left out by the bound
// (then it asks again with a larger one: search.repository.ts).
// Params: $query (built by toSearchQuery: user words only travel inside it as escaped terms),
// $labels, $candidates, $limit, $canSeePrivate, $canSeeEmails.
CALL db.index.fulltext.queryNodes('search_all', $query, {limit: $candidates}) YIELD node, score
WITH collect({node: node, score: score}) AS candidates
CALL (candidates) {
  UNWIND candidates AS hit
  WITH hit.node AS node, hit.score AS score
  WHERE any(l IN labels(node) WHERE l IN $labels)
    AND @visible(node)
  WITH node, score, coalesce(node.sortName, node.sortTitle, '') AS sortKey
  ORDER BY score DESC, sortKey, node.id
  LIMIT $limit
  RETURN collect({score: score, node: node {.*, email: CASE WHEN $canSeeEmails THEN node.email END, _eid: elementId(node), _labels: labels(node)}}) AS hits
}
RETURN size(candidates) AS read, candidates[-1].score AS lowest, hits
