// Nodes of one label ($label, whitelisted by the repository) by human key: slug, territory ref or
// objective code. Same privacy rules as by-ids; the properties
// $props only (null: all; see src/modules/node/projection.ts).
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
RETURN key, n {.id, _eid: elementId(n), _labels: labels(n),
  _all: CASE WHEN $props IS NULL THEN n {.*, email: CASE WHEN $canSeeEmails THEN n.email END} END,
  _values: [k IN coalesce($props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
    WHEN n[k] IS :: DATE OR n[k] IS :: ZONED DATETIME THEN toString(n[k]) ELSE n[k] END]} AS node
