// Records one applied migration; CREATE (not MERGE) so that a concurrent second start fails on the
// uniqueness constraint instead of recording the same migration twice.
CREATE (m:Migration {version: $version, name: $name, checksum: $checksum, appliedAt: datetime()})
RETURN m.version AS version
