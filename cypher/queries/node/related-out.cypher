// For each ask ({key, label, id, types, role, targetLabel, props, rel}): the nodes related to the
// parent (label, id) through relationships of `types`, outgoing, optionally only those with `role`
// and of `targetLabel`, with the relationship properties `rel` and the node properties `props`
// (null: all; see src/modules/node/projection.ts). Unpaged: for the short lists of a node (its
// themes, territories, objectives…); the asks of one request level share this query. The types,
// labels and property names are whitelisted by the repository. Private persons are invisible
// unless the viewer may see them; emails only for viewers who may see them.
UNWIND $asks AS ask
CALL (ask) {
  // #include node/parent
}
MATCH (p)-[r:$any(ask.types)]->(m)
WHERE (ask.role IS NULL OR r.role = ask.role)
  AND (ask.targetLabel IS NULL OR ask.targetLabel IN labels(m))
  AND @visible(m)
WITH ask, r, m ORDER BY coalesce(m.sortName, m.sortTitle, toLower(coalesce(m.name, m.title, m.ref, m.code))), m.id
RETURN ask.key AS key, type(r) AS type,
  [k IN ask.rel | CASE WHEN r[k] IS :: DATE THEN toString(r[k]) ELSE r[k] END] AS rel,
  m {.id, _eid: elementId(m), _labels: labels(m),
    _all: CASE WHEN ask.props IS NULL THEN m {.*, email: CASE WHEN $canSeeEmails THEN m.email END} END,
    _values: [k IN coalesce(ask.props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
      WHEN m[k] IS :: DATE OR m[k] IS :: ZONED DATETIME THEN toString(m[k]) ELSE m[k] END]} AS node
