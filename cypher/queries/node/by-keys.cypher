// Nodes of one label ($label, whitelisted by the repository) by human key: slug, territory ref or
// objective code. Same privacy rules as by-ids; the properties $props only (null: all; see
// src/modules/node/projection.ts). With each node, `related`: the out-relation lists $asks (as in
// related-out, without the parent's label and id: the node found is the parent) — the look-ahead of
// a root such as ally(slug), which reads its fields' lists in the same round trip; [] for none.
UNWIND $keys AS key
CALL (key) {
  MATCH (n:Ally {slug: key}) WHERE $label = 'Ally' RETURN n
  UNION MATCH (n:Territory {ref: key}) WHERE $label = 'Territory' RETURN n
  UNION MATCH (n:Theme {slug: key}) WHERE $label = 'Theme' RETURN n
  UNION MATCH (n:Chantier {slug: key}) WHERE $label = 'Chantier' RETURN n
  UNION MATCH (n:Charter {slug: key}) WHERE $label = 'Charter' RETURN n
  UNION MATCH (n:CharterObjective {code: key}) WHERE $label = 'CharterObjective' RETURN n
  UNION MATCH (n:Event {slug: key}) WHERE $label = 'Event' RETURN n
  UNION MATCH (n:Resource {slug: key}) WHERE $label = 'Resource' RETURN n
  UNION MATCH (n:LearningCommunity {slug: key}) WHERE $label = 'LearningCommunity' RETURN n
}
WITH key, n WHERE @visible(n)
CALL (n) {
  WITH n AS p WHERE @visible(p) // as related-out's parent: the list's parent is a visible node
  UNWIND $asks AS ask
  CALL (ask, p) {
    // #include node/related-out-of
  }
  RETURN collect({key: ask.key, rows: rows}) AS related
}
RETURN key, related, n {.id, _eid: elementId(n), _labels: labels(n),
  _all: CASE WHEN $props IS NULL THEN n {.*, email: CASE WHEN $canSeeEmails THEN n.email END} END,
  _values: [k IN coalesce($props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
    WHEN n[k] IS :: DATE OR n[k] IS :: ZONED DATETIME THEN toString(n[k]) ELSE n[k] END]} AS node
