// Indexes for search, maps and the sorts and filters of the read API.

// French full-text search, accent- and case-insensitive: standard-folding folds "Énergie" to
// "energie" and "Cœur" to "coeur" (the `french` analyzer does not fold accents fully).
CREATE FULLTEXT INDEX search_text IF NOT EXISTS
FOR (n:Ally|Chantier|Theme|Territory|Resource|Event|LearningCommunity)
ON EACH [n.name, n.title, n.description, n.summary]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}};

// Maps: distance and bounding-box filters.
CREATE POINT INDEX ally_location IF NOT EXISTS FOR (n:Ally) ON (n.location);
CREATE POINT INDEX territory_center IF NOT EXISTS FOR (n:Territory) ON (n.center);

// Keyset sorts: the sort key, the tie-break is the unique id.
CREATE RANGE INDEX ally_sort_name IF NOT EXISTS FOR (n:Ally) ON (n.sortName, n.id);
CREATE RANGE INDEX ally_signed_on IF NOT EXISTS FOR (n:Ally) ON (n.charterSignedOn);
CREATE RANGE INDEX ally_created_at IF NOT EXISTS FOR (n:Ally) ON (n.createdAt);
CREATE RANGE INDEX ally_kind IF NOT EXISTS FOR (n:Ally) ON (n.kind);
CREATE RANGE INDEX ally_public IF NOT EXISTS FOR (n:Ally) ON (n.public);
CREATE RANGE INDEX chantier_sort_title IF NOT EXISTS FOR (n:Chantier) ON (n.sortTitle, n.id);
CREATE RANGE INDEX chantier_status IF NOT EXISTS FOR (n:Chantier) ON (n.status);
CREATE RANGE INDEX territory_level IF NOT EXISTS FOR (n:Territory) ON (n.level);
CREATE RANGE INDEX territory_code IF NOT EXISTS FOR (n:Territory) ON (n.code);
