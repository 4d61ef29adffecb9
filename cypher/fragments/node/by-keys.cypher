// The parts of node/by-keys (cypher/queries/node/by-keys.cypher), and of its variant with a page
// (src/modules/node/related.shapes.ts, byKeyWithPageQuery): nodes of one label by human key, with
// the short out-relation lists $asks read ahead, and, in the variant, the page $page of one relation
// (its shape fixed in the text: related-page's parts), read in the same query. {{PARENT}} and
// {{KEY}} are a label of the graph model and its key, written in by related.shapes.ts.

// @find-any
// Any label: $label (whitelisted by the repository) picks the branch.
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

// @find-label
UNWIND $keys AS key
MATCH (n:{{PARENT}} {{{KEY}}: key})

// @lists
WITH key, n WHERE @visible(n)
CALL (n) {
  WITH n AS p WHERE @visible(p)
  UNWIND $asks AS ask
  CALL (ask, p) {
    // #include node/related-out-of
  }
  RETURN collect({key: ask.key, rows: rows}) AS related
}

// @page-open
// The page of one relation of the node found: related-page's match, filter, key, page and rows follow.
WITH key, n, related, n AS p, $page AS ask
CALL (ask, p) {

// @page-close
}

// @return
RETURN key, related,

// @return-with-page
RETURN key, related + [{key: $page.key, rows: rows}] AS related,

// @node
n {.id, _eid: elementId(n), _labels: labels(n),
  _all: CASE WHEN $props IS NULL THEN n {.*, email: CASE WHEN $canSeeEmails THEN n.email END} END,
  _values: [k IN coalesce($props, []) | CASE WHEN k = 'email' AND NOT $canSeeEmails THEN null
    WHEN n[k] IS :: DATE OR n[k] IS :: ZONED DATETIME THEN toString(n[k]) ELSE n[k] END]} AS node
