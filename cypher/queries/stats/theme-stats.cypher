// Per theme (or per theme of $f.themes): its allies (WORKS_ON) and leads (role LEAD) with the
// network filter ($f) and the viewer's privacy, and the chantiers addressing it that match the
// filter's chantier conditions. By theme name. Params: $f, $canSeePrivate.
// #include network/filter-references
CALL () {
  MATCH (th:Theme) WHERE $f.themes IS NULL OR th.slug IN $f.themes
  CALL (th) {
    OPTIONAL MATCH (th)<-[w:WORKS_ON]-(a:Ally)
    WITH a, w
    // #where network/ally-filter
    RETURN count(DISTINCT a) AS allies, count(DISTINCT CASE WHEN w.role = 'LEAD' THEN a END) AS leads
  }
  CALL (th) {
    OPTIONAL MATCH (th)<-[:ADDRESSES]-(c:Chantier)
    WITH DISTINCT c WHERE c IS NOT NULL
    WITH c
    // #where network/chantier-filter
    RETURN count(c) AS chantiers
  }
  WITH th, allies, leads, chantiers ORDER BY th.sortName, th.id
  RETURN collect({theme: th {.*, _eid: elementId(th), _labels: labels(th)}, allies: allies, leads: leads, chantiers: chantiers}) AS rows
}
RETURN rows, unknownThemes, chantierExists, objectiveExists, territoryExists
