// 50 allies of a theme within a région, by name, with their themes and their first 20 chantiers.
// Within: the territory and everything PART_OF it down the administrative tree (never through an EPCI
// below it: an EPCI is PART_OF every département of its communes).
MATCH (:Territory {ref: $region})(()<-[:PART_OF]-(x:Territory WHERE x.level <> 'EPCI'))*(t:Territory)
MATCH (t)<-[:BASED_IN|ACTS_IN]-(a:Ally)-[:WORKS_ON]->(:Theme {slug: $theme})
WHERE a:Organization OR a.public = true
WITH DISTINCT a
ORDER BY a.sortName, a.id
LIMIT 50
RETURN a.slug AS slug, a.name AS name,
  [(a)-[w:WORKS_ON]->(th:Theme) | {role: w.role, theme: th {.slug}}] AS themes,
  COLLECT {
    MATCH (a)-[r:CONTRIBUTES_TO]->(c:Chantier)
    WITH r, c ORDER BY c.sortTitle, c.id LIMIT 20
    RETURN {role: r.role, chantier: c {.slug, .title}}
  } AS chantiers
