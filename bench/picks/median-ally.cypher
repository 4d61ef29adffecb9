// The visible ally in the middle of the visible allies taking part in a chantier, ordered by how many
// chantiers they take part in, then slug (collaborators of a typical ally).
MATCH (a:Ally) WHERE (a:Organization OR a.public = true) AND EXISTS { (a)-[:CONTRIBUTES_TO]->(:Chantier) }
WITH a, COUNT { (a)-[:CONTRIBUTES_TO]->(:Chantier) } AS chantiers
ORDER BY chantiers, a.slug
WITH collect({slug: a.slug, chantiers: chantiers}) AS allies
RETURN allies[size(allies) / 2] AS median, size(allies) AS among
