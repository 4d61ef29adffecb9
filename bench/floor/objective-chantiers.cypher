// An objective's first 50 chantiers by title, each with its first 20 visible participants by name.
MATCH (:CharterObjective {code: $code})<-[:SERVES]-(c:Chantier)
WITH c ORDER BY c.sortTitle, c.id LIMIT 50
RETURN c.slug AS slug, c.title AS title,
  COLLECT {
    MATCH (c)<-[r:CONTRIBUTES_TO]-(a:Ally)
    WHERE a:Organization OR a.public = true
    WITH r, a ORDER BY a.sortName, a.id LIMIT 20
    RETURN {role: r.role, ally: a {.slug, .name}}
  } AS participants
