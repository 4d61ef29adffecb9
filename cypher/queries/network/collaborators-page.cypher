// A page of collaborators per ally (by element id), ordered by weight desc, then name, then id, with
// the contexts each shares with the ally (`via`) and their number (the weight), and how many there
// are (`total`; $limit = 0: the count only). $theme keeps only collaborators working on that theme.
// For a page without its total, collaborators-page-only (no list of every collaborator is made).
// A hub's thousands of collaborators cost one expansion; `via` is read for the page's rows only.
// Params: $eids, $theme (slug or null), $afterWeight, $afterName, $afterId, $limit, $canSeePrivate, $canSeeEmails.
CALL () {
  RETURN $theme IS NULL OR EXISTS { MATCH (:Theme {slug: $theme}) } AS themeExists
}
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  // #include network/collaborators-weighed
  WITH collect({b: b, weight: weight}) AS matched
  CALL (a, matched) {
    UNWIND CASE WHEN $limit = 0 THEN [] ELSE matched END AS x
    WITH a, x.b AS b, x.weight AS weight
    // #include network/collaborators-rows
  }
  RETURN size(matched) AS total, rows
}
RETURN eid AS parent, themeExists, total, rows
