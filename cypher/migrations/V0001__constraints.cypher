// Uniqueness of every node's opaque id and of each human key (DESIGN §2).
// Neo4j Community has no existence constraints: required properties are enforced by the writers.
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE;

CREATE CONSTRAINT ally_id IF NOT EXISTS FOR (n:Ally) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ally_slug IF NOT EXISTS FOR (n:Ally) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (n:Territory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT territory_ref IF NOT EXISTS FOR (n:Territory) REQUIRE n.ref IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT theme_slug IF NOT EXISTS FOR (n:Theme) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT chantier_id IF NOT EXISTS FOR (n:Chantier) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chantier_slug IF NOT EXISTS FOR (n:Chantier) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT charter_id IF NOT EXISTS FOR (n:Charter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT charter_slug IF NOT EXISTS FOR (n:Charter) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT objective_id IF NOT EXISTS FOR (n:CharterObjective) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT objective_code IF NOT EXISTS FOR (n:CharterObjective) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_slug IF NOT EXISTS FOR (n:Event) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT resource_id IF NOT EXISTS FOR (n:Resource) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT resource_slug IF NOT EXISTS FOR (n:Resource) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT community_id IF NOT EXISTS FOR (n:LearningCommunity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT community_slug IF NOT EXISTS FOR (n:LearningCommunity) REQUIRE n.slug IS UNIQUE;
