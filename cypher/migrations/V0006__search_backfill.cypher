// Nodes written before V0005 have no `searchText`: give them their name or title and code, so that
// search finds them at once (the analyzer folds accents and case). The next import of an entity
// writes its full search text (elisions removed, a commune's postal codes).
MATCH (n)
WHERE (n:Ally OR n:Chantier OR n:Theme OR n:Territory OR n:Resource OR n:Event OR n:LearningCommunity) AND n.searchText IS NULL
SET n.searchText = trim(coalesce(n.name, n.title, '') + ' ' + coalesce(n.code, ''));
