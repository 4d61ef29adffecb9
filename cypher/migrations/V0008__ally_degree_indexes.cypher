// The (degree, id) range indexes of orderBy: DEGREE (V0007), one per viewer kind: read in order from
// the cursor, a page stops at its LIMIT without a Sort of every ally.
CREATE RANGE INDEX ally_degree_all IF NOT EXISTS FOR (n:Ally) ON (n.degreeAll, n.id);
CREATE RANGE INDEX ally_degree_public IF NOT EXISTS FOR (n:Ally) ON (n.degreePublic, n.id);
