// Fragments of the chantier list queries, composed by src/modules/chantier/chantier.shapes.ts into
// one query per shape (see cypher/fragments/ally.cypher for the layout). Variables: `scope`
// ({key, c}), `c` (the scope's criteria, see chantier.filter.ts), `ch` (the chantier), `textIds`.

// @open
UNWIND $scopes AS scope
CALL (scope) {
  WITH scope.c AS c

// @text-prelude
CALL (c) {
  CALL db.index.fulltext.queryNodes('search_text', c.text, {limit: 10000}) YIELD node
  WHERE node:Chantier
  RETURN collect(node.id) AS textIds
}

// @start-objective
// The chantiers serving an objective.
MATCH (:CharterObjective {code: c.start})<-[:SERVES]-(ch:Chantier)

// @start-theme
// The chantiers addressing any of the themes, each once.
CALL (c) {
  MATCH (t:Theme)<-[:ADDRESSES]-(ch:Chantier)
  WHERE t.slug IN c.start
  RETURN DISTINCT ch
}

// @start-territory
// A territory's subtree walked downwards, then the chantiers located there, each once.
CALL (c) {
  MATCH (:Territory {ref: c.start})<-[:PART_OF*0..]-(:Territory)<-[:LOCATED_IN]-(ch:Chantier)
  RETURN DISTINCT ch
}

// @start-participant
// The chantiers a (visible) ally contributes to.
MATCH (p:Ally {slug: c.start})-[:CONTRIBUTES_TO]->(ch:Chantier)
WHERE @visible(p)

// @start-text
CALL (c) {
  CALL db.index.fulltext.queryNodes('search_text', c.start, {limit: 10000}) YIELD node
  WITH node AS ch WHERE ch:Chantier
  RETURN ch
}

// @start-all
MATCH (ch:Chantier)

// @start-title-asc
// The (sortTitle, id) range index read in order from the cursor: no sort, stops at the LIMIT.
MATCH (ch:Chantier)
WHERE ch.sortTitle >= $fromKey AND ch.id IS NOT NULL
  AND ($afterKey IS NULL OR ch.sortTitle > $afterKey OR ch.id > $afterId)

// @start-title-desc
MATCH (ch:Chantier)
WHERE ch.sortTitle <= $fromKey AND ch.id IS NOT NULL
  AND ($afterKey IS NULL OR ch.sortTitle < $afterKey OR ch.id < $afterId)

// @where
WITH c, ch
WHERE true

// @where-text
WITH c, textIds, ch
WHERE true

// @residual-status
  AND ch.status IN c.status
// @residual-kind
  AND ch.kind = c.kind
// @residual-objectives
  AND all(o IN c.objectives WHERE EXISTS { (ch)-[:SERVES]->(:CharterObjective {code: o}) })
// @residual-theme-groups
  AND all(g IN c.themeGroups WHERE EXISTS { (ch)-[:ADDRESSES]->(t:Theme) WHERE t.slug IN g.slugs })
// @residual-territories
  AND all(r IN c.territories WHERE r IN [(ch)-[:LOCATED_IN]->(:Territory)-[:PART_OF*0..]->(up:Territory) | up.ref])
// @residual-participants
  AND all(s IN c.participants WHERE EXISTS { (p:Ally {slug: s})-[:CONTRIBUTES_TO]->(ch) WHERE @visible(p) })
// @residual-text
  AND ch.id IN textIds

// @count
  RETURN count(ch) AS total
}
RETURN scope.key AS key, total

// @key-title
WITH ch, ch.sortTitle AS sortKey
// @key-validated-on-asc
WITH ch, coalesce(toString(ch.validatedOn), '~') AS sortKey
// @key-validated-on-desc
WITH ch, coalesce(toString(ch.validatedOn), '') AS sortKey
// @key-created-at
// Fixed width (epoch seconds, then nanoseconds), so that the keyset's string comparison is the
// datetimes' order (ISO strings are not: "…:00Z" sorts after "…:00.5Z").
WITH ch, right('000000000000' + toString(ch.createdAt.epochSeconds), 12) + '.' + right('000000000' + toString(ch.createdAt.nanosecond), 9) AS sortKey

// @keyset-asc
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND ch.id > $afterId)
// @keyset-desc
WHERE $afterKey IS NULL OR sortKey < $afterKey OR (sortKey = $afterKey AND ch.id < $afterId)

// @order-asc
ORDER BY sortKey ASC, ch.id ASC
LIMIT $limit
// @order-desc
ORDER BY sortKey DESC, ch.id DESC
LIMIT $limit
// @order-title-index-asc
ORDER BY ch.sortTitle ASC, ch.id ASC
LIMIT $limit
// @order-title-index-desc
ORDER BY ch.sortTitle DESC, ch.id DESC
LIMIT $limit

// @project
  RETURN sortKey, ch.id AS id, ch {.id, _eid: elementId(ch), _labels: labels(ch),
    _all: CASE WHEN $props IS NULL THEN ch {.*} END,
    _values: [k IN coalesce($props, []) | CASE WHEN ch[k] IS :: DATE OR ch[k] IS :: ZONED DATETIME THEN toString(ch[k]) ELSE ch[k] END]} AS item
}
RETURN scope.key AS key, sortKey, id, item
