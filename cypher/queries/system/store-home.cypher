// The home directory of the Neo4j that answers: which store a command-line tool would write to.
CALL dbms.listConfig('server.directories.neo4j_home') YIELD name, value
RETURN value AS home
