// The store version of the exports' ETag and Last-Modified (src/http/export/store-version.ts) is the
// latest updatedAt: one range index per label that the write path (bundle sync) stamps, read in
// descending order and stopped after one entry, instead of a property read on every node (over 0.2 s
// at 100k allies, before an export's first byte). The labels are those of src/graph/model.ts (a test
// holds this list to it).
CREATE RANGE INDEX charter_updated_at IF NOT EXISTS FOR (n:Charter) ON (n.updatedAt);
CREATE RANGE INDEX charter_objective_updated_at IF NOT EXISTS FOR (n:CharterObjective) ON (n.updatedAt);
CREATE RANGE INDEX theme_updated_at IF NOT EXISTS FOR (n:Theme) ON (n.updatedAt);
CREATE RANGE INDEX territory_updated_at IF NOT EXISTS FOR (n:Territory) ON (n.updatedAt);
CREATE RANGE INDEX ally_updated_at IF NOT EXISTS FOR (n:Ally) ON (n.updatedAt);
CREATE RANGE INDEX event_updated_at IF NOT EXISTS FOR (n:Event) ON (n.updatedAt);
CREATE RANGE INDEX chantier_updated_at IF NOT EXISTS FOR (n:Chantier) ON (n.updatedAt);
CREATE RANGE INDEX resource_updated_at IF NOT EXISTS FOR (n:Resource) ON (n.updatedAt);
CREATE RANGE INDEX learning_community_updated_at IF NOT EXISTS FOR (n:LearningCommunity) ON (n.updatedAt);
