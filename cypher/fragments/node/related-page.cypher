// A page of one relation list for each ask of $asks, one text per shape (STYLE 7): composed by
// src/modules/node/related.shapes.ts for a direction, a relationship type, the parent's label, the
// related nodes' label and the order's direction. The placeholders {{PARENT}}, {{TYPE}},
// {{TARGET}} (and {{KEY}}, by-keys') are replaced there by names of the graph model
// (src/graph/model.ts), checked against it, never by anything a client sends; values travel as
// parameters. With the type, the labels and the direction fixed in the text, and the page size a
// parameter ($limit, one per query: the asks of one query share it), Neo4j plans an expand of one
// type and a Top of $limit rows per parent, not a sort of every related node.
// Asks: {key (the answer's), id (the parent's), role, level, props, rel, afterKey, afterId}.
// Returns rows as related-out/in do (node/related-out-of), with the same sort key; node/by-keys
// reads a page of the node it finds with the same parts (related.shapes.ts, byKeyWithPageQuery).

// @open
UNWIND $asks AS ask

// @parent
MATCH (p:{{PARENT}} {id: ask.id}) WHERE @visible(p)

// @call
CALL (ask, p) {

// @match-out
MATCH (p)-[r:{{TYPE}}]->(m:{{TARGET}})

// @match-in
MATCH (p)<-[r:{{TYPE}}]-(m:{{TARGET}})

// @filter
WHERE (ask.role IS NULL OR r.role = ask.role)
  AND (ask.level IS NULL OR m.level = ask.level)
  AND @visible(m)

// @key-sort-name
// Labels whose nodes always carry a stored sort key (the bundle codec writes it): equal to key-any's.
WITH r, m, m.sortName AS sortKey

// @key-sort-title
WITH r, m, m.sortTitle AS sortKey

// @key-any
// The sort key of a related node of any label (related-out/in's too: one key, so cursors agree).
WITH r, m, coalesce(m.sortName, m.sortTitle, toLower(coalesce(m.name, m.title, m.ref, m.code)), '') AS sortKey

// @page-asc
WHERE ask.afterKey IS NULL OR sortKey > ask.afterKey OR (sortKey = ask.afterKey AND m.id > ask.afterId)
WITH r, m, sortKey ORDER BY sortKey ASC, m.id ASC LIMIT $limit

// @page-desc
WHERE ask.afterKey IS NULL OR sortKey < ask.afterKey OR (sortKey = ask.afterKey AND m.id < ask.afterId)
WITH r, m, sortKey ORDER BY sortKey DESC, m.id DESC LIMIT $limit

// @rows
// A list's rows, in order (related-out/in's too), each a list, not a map: Bolt sends a map's keys
// with every row and the driver decodes each again (a page of 50 chantiers' 20 participants: the
// driver's decoding 7.5 -> 3.4 ms). [type, sort key, id, element id, labels, every property (when
// $props is null), the values of the node's $props, the values of the relationship's $rel]: read by
// relatedAskRow (src/modules/node/projection.ts).
RETURN collect([type(r), sortKey, m.id, elementId(m), labels(m),
  CASE WHEN ask.props IS NULL THEN m {.*, email: CASE WHEN $canSeeEmails THEN m.email END} END,
  [k IN coalesce(ask.props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
    WHEN m[k] IS :: DATE OR m[k] IS :: ZONED DATETIME THEN toString(m[k]) ELSE m[k] END],
  [k IN ask.rel | CASE WHEN r[k] IS :: DATE THEN toString(r[k]) ELSE r[k] END]]) AS rows

// @close
}
RETURN ask.key AS key, rows
