// The floor's ally card: seat, themes (with role) and the first 20 chantiers by title (with role).
// Privacy: a person is visible only when public (organisations always).
MATCH (a:Ally {slug: $slug})
WHERE a:Organization OR a.public = true
RETURN a.slug AS slug, a.name AS name, a.kind AS kind, a.description AS description, a.website AS website,
  [(a)-[:BASED_IN]->(t:Territory) | t {.ref, .name, .level}][0] AS basedIn,
  [(a)-[w:WORKS_ON]->(t:Theme) | {role: w.role, theme: t {.slug, .name}}] AS themes,
  COLLECT {
    MATCH (a)-[r:CONTRIBUTES_TO]->(c:Chantier)
    WITH r, c ORDER BY c.sortTitle, c.id LIMIT 20
    RETURN {role: r.role, since: toString(r.since), chantier: c {.slug, .title, .status}}
  } AS chantiers
