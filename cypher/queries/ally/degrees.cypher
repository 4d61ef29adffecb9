// The degree of allies (by id) read by other paths than the allies page: their stored degree
// (cypher/migrations/V0007), the one the viewer may see ($allDegrees: the viewer may see private persons).
UNWIND $ids AS id
MATCH (a:Ally {id: id}) WHERE @visible(a)
RETURN id, CASE WHEN $allDegrees THEN a.degreeAll ELSE a.degreePublic END AS degree
