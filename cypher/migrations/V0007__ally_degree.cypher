// The degree of each ally, stored (issue #10 item 2): `degreeAll` counts its relationships,
// `degreePublic` those to nodes an anonymous viewer may see (DESIGN §3: not a private person), so
// that orderBy: DEGREE reads an index instead of counting every ally's relationships. The import
// keeps them current (src/modules/bundle/import-bundle.ts: refreshDegrees after every import).
MATCH (a:Ally)
SET a.degreeAll = COUNT { (a)--() },
  a.degreePublic = COUNT { (a)--(m) WHERE NOT m:Person OR m.public = true };
