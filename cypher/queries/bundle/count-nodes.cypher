// Whether the graph holds any data (migration records aside): the demo data loads only into an empty graph.
RETURN EXISTS { MATCH (n) WHERE NOT n:Migration } AS hasData
