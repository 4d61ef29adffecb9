// A page of the weighed collaborators `b` of `a` (collaborators-weighed): after the keyset
// ($afterWeight, $afterName, $afterId), a Top-k on (weight desc, name, id) of $limit rows, each with
// `via` read for the page's rows only (contexts-between); sortKey (the cursor's key) = inverted
// zero-padded weight + ':' + sortName.
// Use as: (a, b, weight in scope) // #include network/collaborators-rows  →  rows
WITH a, b, weight, coalesce(b.sortName, '') AS name
WHERE $afterId IS NULL OR weight < $afterWeight
  OR (weight = $afterWeight AND (name > $afterName OR (name = $afterName AND b.id > $afterId)))
ORDER BY weight DESC, name, b.id
LIMIT $limit
CALL (a, b) {
  CALL (a, b) {
    // #include network/contexts-between
  }
  RETURN collect(via {.*, email: CASE WHEN $canSeeEmails THEN via.email END, _eid: elementId(via), _labels: labels(via)}) AS via
}
RETURN collect({
  sortKey: right('0000000000' + toString(1000000000 - weight), 10) + ':' + name, id: b.id, weight: weight,
  ally: b {.*, email: CASE WHEN $canSeeEmails THEN b.email END, _eid: elementId(b), _labels: labels(b)},
  via: via
}) AS rows
