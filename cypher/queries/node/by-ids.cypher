// Nodes by opaque id, any type (node/nodes and every *ById loader). Each branch names its label, so
// each id is an index seek. Private persons are invisible unless the viewer may see them; emails
// only for viewers who may see them.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Ally {id: id}) RETURN n
  UNION MATCH (n:Territory {id: id}) RETURN n
  UNION MATCH (n:Theme {id: id}) RETURN n
  UNION MATCH (n:Chantier {id: id}) RETURN n
  UNION MATCH (n:Charter {id: id}) RETURN n
  UNION MATCH (n:CharterObjective {id: id}) RETURN n
  UNION MATCH (n:Event {id: id}) RETURN n
  UNION MATCH (n:Resource {id: id}) RETURN n
  UNION MATCH (n:LearningCommunity {id: id}) RETURN n
}
WITH id, n WHERE @visible(n)
RETURN id AS key, n {.id, _eid: elementId(n), _labels: labels(n),
  _all: CASE WHEN $props IS NULL THEN n {.*, email: CASE WHEN $canSeeEmails THEN n.email END} END,
  _values: [k IN coalesce($props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
    WHEN n[k] IS :: DATE OR n[k] IS :: ZONED DATETIME THEN toString(n[k]) ELSE n[k] END]} AS node
