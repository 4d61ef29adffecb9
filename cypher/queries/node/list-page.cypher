// A page of the nodes of one label ($label, whitelisted by the repository) for the root lists
// (themes, territories, events, resources, learning communities), optionally of territory $level,
// ordered by sort key then id (keyset cursor). The page only: the total is list-count, run when selected.
CALL () {
  MATCH (n:Theme) WHERE $label = 'Theme' RETURN n
  UNION MATCH (n:Territory) WHERE $label = 'Territory' AND ($level IS NULL OR n.level = $level) RETURN n
  UNION MATCH (n:Event) WHERE $label = 'Event' RETURN n
  UNION MATCH (n:Resource) WHERE $label = 'Resource' RETURN n
  UNION MATCH (n:LearningCommunity) WHERE $label = 'LearningCommunity' RETURN n
  UNION MATCH (n:CharterObjective) WHERE $label = 'CharterObjective' RETURN n
}
WITH n, coalesce(n.sortName, n.sortTitle, toLower(coalesce(n.name, n.title, n.ref, n.code)), '') AS sortKey
WHERE $afterKey IS NULL OR CASE WHEN $desc
    THEN sortKey < $afterKey OR (sortKey = $afterKey AND n.id < $afterId)
    ELSE sortKey > $afterKey OR (sortKey = $afterKey AND n.id > $afterId) END
ORDER BY CASE WHEN $desc THEN sortKey END DESC, CASE WHEN $desc THEN n.id END DESC,
  CASE WHEN NOT $desc THEN sortKey END ASC, CASE WHEN NOT $desc THEN n.id END ASC
LIMIT $limit
RETURN sortKey, n.id AS id, n {.*, _eid: elementId(n), _labels: labels(n)} AS item
