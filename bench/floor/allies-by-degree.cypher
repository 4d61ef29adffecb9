// The first $limit visible allies by degree (relationships to anything visible), highest first, ties by id.
MATCH (a:Ally)
WHERE a:Organization OR a.public = true
WITH a, COUNT { (a)--(m) WHERE NOT m:Person OR m.public = true } AS degree
ORDER BY degree DESC, a.id DESC
LIMIT $limit
RETURN a.slug AS slug, a.name AS name, degree
