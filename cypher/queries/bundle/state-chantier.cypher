// Import/export: the current state of the Chantier nodes whose slug is in $keys: properties, labels and,
// when $withRels, the relationships a bundle is authoritative for ($outTypes from it, $inTypes to it).
UNWIND $keys AS key
MATCH (n:Chantier {slug: key})
RETURN key, elementId(n) AS eid, labels(n) AS labels, properties(n) AS props,
  CASE WHEN $withRels THEN
    [(n)-[r]->(m) WHERE type(r) IN $outTypes | {type: type(r), dir: 'out', key: coalesce(m.slug, m.ref, m.code), props: properties(r)}] +
    [(n)<-[r]-(m) WHERE type(r) IN $inTypes | {type: type(r), dir: 'in', key: coalesce(m.slug, m.ref, m.code), props: properties(r)}]
  ELSE [] END AS rels
