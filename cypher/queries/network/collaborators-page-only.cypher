// collaborators-page without the total: the weighed collaborators go straight to the page's Top-k,
// no list of every one of them is made (a hub of 838 chantiers has 65,000 collaborators).
// Params: as collaborators-page.
CALL () {
  RETURN $theme IS NULL OR EXISTS { MATCH (:Theme {slug: $theme}) } AS themeExists
}
UNWIND $eids AS eid
MATCH (a:Ally) WHERE elementId(a) = eid AND @visible(a)
CALL (a) {
  // #include network/collaborators-weighed
  // #include network/collaborators-rows
}
RETURN eid AS parent, themeExists, null AS total, rows
